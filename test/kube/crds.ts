// Installs the project's CRDs (deploy/crds/*.yaml) into the test cluster and
// waits until each one is Established and actually served: right after
// Established, a new resource's watch cache is still initializing and the
// server answers requests for it with 429 "storage is (re)initializing".
// Note: kube-apiserver deliberately sleeps 2 s in any *create* of a custom
// resource within 2 s of its CRD becoming Established (an HA safeguard in
// apiextensions' customresource_handler.go), so the first create right after
// startup takes ~2 s; later ones are fast.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import {
  ApiextensionsV1Api,
  CustomObjectsApi,
  type KubeConfig,
  type V1CustomResourceDefinition,
  loadAllYaml,
} from "@kubernetes/client-node";
import { isApiStatus } from "./resources.js";
import { waitFor } from "./wait.js";

export async function loadCrds(dir: string): Promise<V1CustomResourceDefinition[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".yaml") || f.endsWith(".yml")).sort();
  const crds: V1CustomResourceDefinition[] = [];
  for (const file of files) {
    // loadAllYaml maps wire names (x-kubernetes-validations, …) onto the typed
    // model, so the client serializes them back; a plain YAML parse would let
    // the serializer drop every CEL rule and preserve-unknown-fields marker.
    for (const obj of loadAllYaml(
      await readFile(join(dir, file), "utf8"),
    ) as (V1CustomResourceDefinition | null)[]) {
      if (obj?.kind === "CustomResourceDefinition") crds.push(obj);
    }
  }
  if (crds.length === 0) throw new Error(`no CustomResourceDefinition found in ${dir}`);
  return crds;
}

function established(crd: V1CustomResourceDefinition): boolean {
  return crd.status?.conditions?.some((c) => c.type === "Established" && c.status === "True") ?? false;
}

/** Creates every CRD (409 is fine), waits until all are Established and listable. Returns their names. */
export async function installCrds(
  kc: KubeConfig,
  dir: string,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<string[]> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const ext = kc.makeApiClient(ApiextensionsV1Api);
  const objects = kc.makeApiClient(CustomObjectsApi);
  const crds = await loadCrds(dir);
  const names: string[] = [];
  for (const body of crds) {
    const name = body.metadata?.name;
    if (!name) throw new Error(`a CRD in ${dir} has no metadata.name`);
    names.push(name);
    try {
      await ext.createCustomResourceDefinition({ body });
    } catch (err) {
      if (!isApiStatus(err, 409)) throw err;
    }
  }
  await waitFor(
    async () => {
      const pending: string[] = [];
      for (const name of names) {
        if (!established(await ext.readCustomResourceDefinition({ name }))) pending.push(name);
      }
      return pending.length === 0
        ? { done: true, value: undefined }
        : { done: false, note: `not Established: ${pending.join(", ")}` };
    },
    { what: "waiting for the CRDs to be Established", timeoutMs, signal: options.signal },
  );
  const resources = crds.flatMap((crd) =>
    crd.spec.versions
      .filter((v) => v.served)
      .map((v) => ({ group: crd.spec.group, version: v.name, plural: crd.spec.names.plural })),
  );
  await waitFor(
    async () => {
      const pending: string[] = [];
      for (const r of resources) {
        try {
          await objects.listClusterCustomObject({ ...r, limit: 1 });
        } catch (err) {
          // 429 while the watch cache initializes; anything else is retried too, and reported on timeout.
          pending.push(
            `${r.plural}.${r.group}/${r.version} (${isApiStatus(err, 429) ? "429" : String(err)})`,
          );
        }
      }
      return pending.length === 0
        ? { done: true, value: undefined }
        : { done: false, note: `not served yet: ${pending.join(", ")}` };
    },
    { what: "waiting for the CRDs to be served", timeoutMs, intervalMs: 100, signal: options.signal },
  );
  return names;
}
