import type { ForwardedEndpoints, Node } from "../../../client/handles.js";
import type { LogOptions, OpOptions } from "../../../client/options.js";
import { serveProbe } from "../../../client/serveProbe.js";
import { FailedError } from "../../../errors/failed.js";
import type { NodePhase } from "../../../specs/types.js";
import type { K8sContext } from "../context.js";
import { type CustomResource, SEI_NODE } from "../resources.js";
import { describeStatus, failureReason, phaseOf, statusString } from "../status.js";
import { waitFor } from "../waitFor.js";
import { waitSignal } from "./deadline.js";
import { forwardEndpoints } from "./forwardEndpoints.js";
import { ResourceHandle } from "./resourceHandle.js";

/** A follower SeiNode; endpoints straight from `status.endpoint`, present once Running. */
export class K8sNode extends ResourceHandle<NodePhase> implements Node {
  constructor(ctx: K8sContext, namespace: string, name: string, current?: CustomResource) {
    super(ctx, SEI_NODE, namespace, name, current);
  }

  get network(): string {
    return (this.current?.spec as { chainId?: string } | undefined)?.chainId ?? "";
  }

  get evmRpc(): string | undefined {
    return statusString(this.current, "endpoint", "evmJsonRpc");
  }

  get evmWs(): string | undefined {
    return statusString(this.current, "endpoint", "evmWs");
  }

  get tendermintRpc(): string | undefined {
    return statusString(this.current, "endpoint", "tendermintRpc");
  }

  get rest(): string | undefined {
    return statusString(this.current, "endpoint", "tendermintRest");
  }

  /** Watches until Running (Failed rejects at once), then probes EVM RPC (else /status) once it answers. */
  async waitReady(options: OpOptions = {}): Promise<void> {
    const signal = waitSignal(options.signal);
    const what = `waiting for node "${this.name}" to be Running`;
    await waitFor(
      this.api,
      this.resourceKind,
      this.namespace,
      this.name,
      (obj) => {
        const phase = phaseOf(obj);
        if (phase === "Running") return { done: true, value: undefined };
        if (phase === "Failed") {
          throw new FailedError(`Node "${this.name}" failed.`, {
            resource: `node/${this.name}`,
            phase,
            reason: failureReason(obj),
          });
        }
        return { done: false, note: describeStatus(obj) };
      },
      { signal, what, onObject: (obj) => this.observe(obj) },
    );
    await serveProbe(
      this.#forwarded ?? { evmRpc: this.evmRpc, tendermintRpc: this.tendermintRpc },
      signal,
      what,
    );
  }

  #forwarded: ForwardedEndpoints | undefined;

  /** Port-forwards the node's in-cluster endpoints to 127.0.0.1 (passes reachable ones through). */
  async forward(options: OpOptions = {}): Promise<ForwardedEndpoints> {
    const forwarded = await forwardEndpoints(
      this.ctx.forwarder,
      { evmRpc: this.evmRpc, evmWs: this.evmWs, tendermintRpc: this.tendermintRpc, rest: this.rest },
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

  /** The seid container's log from the node's pod (`<statefulset>-0`). */
  logs(options: LogOptions = {}): AsyncIterable<string> {
    const statefulSet = statusString(this.current, "statefulSet", "name") ?? this.name;
    return this.ctx.logs.lines(this.namespace, `${statefulSet}-0`, options);
  }
}
