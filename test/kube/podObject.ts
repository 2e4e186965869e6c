// KWOK finds a pod's PortForward and Logs objects by the pod's name, and the
// pod runner owns each by its pod (so the garbage collector removes it with
// the pod). A StatefulSet's new pod has the old one's name, so its object may
// still exist, owned by the pod that is gone and about to be collected: it is
// taken over (spec and owner replaced) rather than left to vanish.
import type { CustomObjectsApi, V1Pod } from "@kubernetes/client-node";

const ATTEMPTS = 5;

/** Creates (or takes over) the KWOK object of kind `kind` for `pod`, with `spec`. */
export async function putPodObject(
  custom: CustomObjectsApi,
  pod: V1Pod,
  kind: "PortForward" | "Logs",
  plural: "portforwards" | "logs",
  spec: Record<string, unknown>,
): Promise<void> {
  const name = pod.metadata?.name as string;
  const namespace = pod.metadata?.namespace as string;
  const uid = pod.metadata?.uid as string;
  const ref = { group: "kwok.x-k8s.io", version: "v1alpha1", namespace, plural };
  const body = (resourceVersion?: string) => ({
    apiVersion: "kwok.x-k8s.io/v1alpha1",
    kind,
    metadata: {
      name,
      namespace,
      ...(resourceVersion ? { resourceVersion } : {}),
      ownerReferences: [{ apiVersion: "v1", kind: "Pod", name, uid }],
    },
    spec,
  });
  for (let attempt = 1; ; attempt++) {
    try {
      await custom.createNamespacedCustomObject({ ...ref, body: body() });
      return;
    } catch (err) {
      if ((err as { code?: number }).code !== 409) throw err;
    }
    try {
      const existing = (await custom.getNamespacedCustomObject({ ...ref, name })) as {
        metadata: { resourceVersion: string; ownerReferences?: { uid: string }[] };
      };
      if (existing.metadata.ownerReferences?.some((o) => o.uid === uid)) return;
      await custom.replaceNamespacedCustomObject({
        ...ref,
        name,
        body: body(existing.metadata.resourceVersion),
      });
      return;
    } catch (err) {
      // Collected or changed in between: try again from the create.
      const code = (err as { code?: number }).code;
      if ((code !== 404 && code !== 409) || attempt >= ATTEMPTS) throw err;
    }
  }
}
