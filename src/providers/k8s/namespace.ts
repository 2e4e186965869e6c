import { readFileSync } from "node:fs";

/** The service-account namespace file mounted into every pod. */
export const SERVICE_ACCOUNT_NAMESPACE_FILE = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

/**
 * Namespace for specs that leave theirs empty: the kubeconfig context's
 * namespace, else POD_NAMESPACE, else the service-account file (trimmed), else
 * `default`.
 */
export function defaultNamespace(
  contextNamespace: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  saFile: string = SERVICE_ACCOUNT_NAMESPACE_FILE,
): string {
  if (contextNamespace?.trim()) return contextNamespace.trim();
  if (env.POD_NAMESPACE?.trim()) return env.POD_NAMESPACE.trim();
  try {
    const fromFile = readFileSync(saFile, "utf8").trim();
    if (fromFile) return fromFile;
  } catch {
    // not in a pod
  }
  return "default";
}
