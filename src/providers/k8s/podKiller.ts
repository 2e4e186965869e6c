import { CoreV1Api, type KubeConfig } from "@kubernetes/client-node";
import { mapApiError } from "./mapApiError.js";

/** Deletes a node's pod, as `kill` does in the k8s mode: its StatefulSet makes it again. */
export class PodKiller {
  readonly #core: CoreV1Api;

  constructor(kc: KubeConfig) {
    this.#core = kc.makeApiClient(CoreV1Api);
  }

  /** Deletes the pod at once (no grace period), the nearest the API has to SIGKILL. */
  async kill(namespace: string, pod: string, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    try {
      await this.#core.deleteNamespacedPod({ namespace, name: pod, gracePeriodSeconds: 0 });
    } catch (err) {
      throw mapApiError(err, { action: "deleting", noun: "pod", name: pod, namespace });
    }
  }
}
