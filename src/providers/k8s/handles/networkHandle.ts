import type { ForwardedEndpoints, Network } from "../../../client/handles.js";
import type { OpOptions } from "../../../client/options.js";
import { serveProbe } from "../../../client/serveProbe.js";
import { FailedError } from "../../../errors/failed.js";
import type { NetworkPhase } from "../../../specs/types.js";
import type { K8sContext } from "../context.js";
import { type CustomResource, SEI_NETWORK } from "../resources.js";
import { describeStatus, failureReason, phaseOf, statusString } from "../status.js";
import { waitFor } from "../waitFor.js";
import { waitSignal } from "./deadline.js";
import { forwardEndpoints } from "./forwardEndpoints.js";
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

  get tendermintRpc(): string | undefined {
    return statusString(this.current, "endpoints", "tendermintRpc");
  }

  get rest(): string | undefined {
    return statusString(this.current, "endpoints", "tendermintRest");
  }

  /** Watches until Ready (Failed rejects at once), then probes Tendermint /status once it answers. */
  async waitReady(options: OpOptions = {}): Promise<void> {
    const signal = waitSignal(options.signal);
    const what = `waiting for network "${this.name}" to be Ready`;
    await waitFor(
      this.api,
      this.resourceKind,
      this.namespace,
      this.name,
      (obj) => {
        const phase = phaseOf(obj);
        if (phase === "Ready") return { done: true, value: undefined };
        if (phase === "Failed") {
          throw new FailedError(`Network "${this.name}" failed.`, {
            resource: `network/${this.name}`,
            phase,
            reason: failureReason(obj),
          });
        }
        return { done: false, note: describeStatus(obj) };
      },
      { signal, what, onObject: (obj) => this.observe(obj) },
    );
    await serveProbe(this.#forwarded ?? { tendermintRpc: this.tendermintRpc }, signal, what);
  }

  #forwarded: ForwardedEndpoints | undefined;

  /** Port-forwards the network's aggregate endpoints to 127.0.0.1 (passes reachable ones through). */
  async forward(options: OpOptions = {}): Promise<ForwardedEndpoints> {
    const forwarded = await forwardEndpoints(
      this.ctx.forwarder,
      { tendermintRpc: this.tendermintRpc, rest: this.rest },
      this.ctx.forwards,
      options.signal,
    );
    this.#forwarded = forwarded;
    const close = forwarded.close;
    forwarded.close = async () => {
      if (this.#forwarded === forwarded) this.#forwarded = undefined;
      await close();
    };
    return forwarded;
  }
}
