// Idempotent creators for the few core objects the test cluster hands out.
import { ApiException, CoreV1Api, type KubeConfig } from "@kubernetes/client-node";

export function isApiStatus(err: unknown, code: number): boolean {
  return err instanceof ApiException && err.code === code;
}

/** Creates the namespace unless it exists (409 is fine). */
export async function ensureNamespace(kc: KubeConfig, name: string): Promise<void> {
  try {
    await kc.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name } } });
  } catch (err) {
    if (!isApiStatus(err, 409)) throw err;
  }
}

/** Creates the service account unless it exists (409 is fine). */
export async function ensureServiceAccount(kc: KubeConfig, namespace: string, name: string): Promise<void> {
  try {
    await kc
      .makeApiClient(CoreV1Api)
      .createNamespacedServiceAccount({ namespace, body: { metadata: { name } } });
  } catch (err) {
    if (!isApiStatus(err, 409)) throw err;
  }
}
