import type { Checkpoint } from "../../../client/checkpoint.js";
import type { ForwardedEndpoints, Network } from "../../../client/handles.js";
import type { OpOptions } from "../../../client/options.js";
import { serveProbe } from "../../../client/serveProbe.js";
import { UsageError } from "../../../errors/usage.js";
import type { NetworkPhase } from "../../../specs/types.js";
import type { K8sContext } from "../context.js";
import { type CustomResource, SEI_NETWORK } from "../resources.js";
import { statusString } from "../status.js";
import { ResourceHandle } from "./resourceHandle.js";

/** A SeiNetwork; endpoints straight from `status.endpoints`. */
export class K8sNetwork extends ResourceHandle<NetworkPhase> implements Network {
  constructor(ctx: K8sContext, namespace: string, name: string, current?: CustomResource) {
    super(ctx, SEI_NETWORK, namespace, name, current);
  }

  get chainId(): string {
    const spec = this.current?.spec as { genesis?: { chainId?: string } } | undefined;
    return spec?.genesis?.chainId ?? this.name;
  }

  /** `<network>-<ordinal>` for each of `spec.replicas`, as the controller names its validators. */
  get validators(): string[] {
    const replicas = (this.current?.spec as { replicas?: number } | undefined)?.replicas ?? 0;
    return Array.from({ length: replicas }, (_, i) => `${this.name}-${i}`);
  }

  get tendermintRpc(): string | undefined {
    return statusString(this.current, "endpoints", "tendermintRpc");
  }

  get rest(): string | undefined {
    return statusString(this.current, "endpoints", "tendermintRest");
  }

  /**
   * Watches until Ready (Failed rejects at once), then probes Tendermint
   * /status until it reports a first block: the controller's Ready means its
   * plan finished, not that the chain makes blocks. A validator pod whose
   * seid crash-loops rejects at once too (see guardPods).
   */
  async waitReady(options: OpOptions = {}): Promise<void> {
    const what = `waiting for network "${this.name}" to be Ready`;
    await this.guardPods(
      this.validators,
      options,
      (failure) =>
        failure.container
          ? `Network "${this.name}" cannot become Ready: container ${failure.container} of its pod ${failure.pod} is stuck.`
          : `Network "${this.name}" cannot become Ready: its pod ${failure.pod} failed.`,
      async (signal) => {
        await this.waitForPhase("Ready", { signal }, what);
        await serveProbe(this.forwarded ?? { tendermintRpc: this.tendermintRpc }, signal, what, {
          firstBlock: true,
        });
      },
    );
  }

  /** Port-forwards the network's aggregate endpoints to 127.0.0.1 (passes reachable ones through). */
  forward(options: OpOptions = {}): Promise<ForwardedEndpoints> {
    return this.openForward({ tendermintRpc: this.tendermintRpc, rest: this.rest }, options);
  }

  /** Not in the k8s mode: the SeiNetwork CRD has no verb to stop, copy and restore its nodes. */
  async checkpoint(): Promise<Checkpoint> {
    throw unsupported("checkpoint");
  }

  /** Not in the k8s mode; see {@link K8sNetwork.checkpoint}. */
  async restore(): Promise<void> {
    throw unsupported("restore");
  }

  /** Not in the k8s mode; see {@link K8sNetwork.checkpoint}. */
  async checkpoints(): Promise<Checkpoint[]> {
    throw unsupported("checkpoints");
  }

  /** Not in the k8s mode; see {@link K8sNetwork.checkpoint}. */
  async deleteCheckpoint(): Promise<void> {
    throw unsupported("deleteCheckpoint");
  }
}

function unsupported(verb: string): UsageError {
  return new UsageError(
    `\`${verb}\` is not supported in the k8s mode: the SeiNetwork and SeiNode CRDs have no verb to stop, copy and restore a network's nodes.`,
    { field: verb, metaMessages: ["Use the local or docker mode for checkpoints and warm templates."] },
  );
}
