// Kubeconfig files for the test cluster: one cluster entry (server + CA), one
// bearer-token user, one context with a namespace.
import { writeFile } from "node:fs/promises";
import { stringify } from "yaml";

export interface KubeconfigParams {
  server: string;
  caPem: string;
  user: string;
  token: string;
  namespace: string;
}

export function renderKubeconfig(p: KubeconfigParams): string {
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [
      {
        name: "seinet-test",
        cluster: { server: p.server, "certificate-authority-data": Buffer.from(p.caPem).toString("base64") },
      },
    ],
    users: [{ name: p.user, user: { token: p.token } }],
    contexts: [{ name: p.user, context: { cluster: "seinet-test", user: p.user, namespace: p.namespace } }],
    "current-context": p.user,
    preferences: {},
  });
}

export async function writeKubeconfig(path: string, p: KubeconfigParams): Promise<string> {
  await writeFile(path, renderKubeconfig(p), { mode: 0o600 });
  return path;
}
