import type { Endpoints, ForwardedEndpoints, Node } from "../../../client/handles.js";
import type { LogOptions, OpOptions } from "../../../client/options.js";
import { serveProbe } from "../../../client/serveProbe.js";
import type { NodePhase } from "../../../specs/types.js";
import type { K8sContext } from "../context.js";
import { type CustomResource, SEI_NODE } from "../resources.js";
import { statusString } from "../status.js";
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

  #endpoints(): Endpoints {
    return { evmRpc: this.evmRpc, evmWs: this.evmWs, tendermintRpc: this.tendermintRpc, rest: this.rest };
  }

  /** Watches until Running (Failed rejects at once), then probes EVM RPC (else /status) until it answers. */
  async waitReady(options: OpOptions = {}): Promise<void> {
    const what = `waiting for node "${this.name}" to be Running`;
    const signal = await this.waitForPhase("Running", options, what);
    await serveProbe(this.forwarded ?? this.#endpoints(), signal, what);
  }

  /** Port-forwards the node's in-cluster endpoints to 127.0.0.1 (passes reachable ones through). */
  forward(options: OpOptions = {}): Promise<ForwardedEndpoints> {
    return this.openForward(this.#endpoints(), options);
  }

  /** The seid container's log from the node's pod (`<statefulset>-0`). */
  logs(options: LogOptions = {}): AsyncIterable<string> {
    const statefulSet = statusString(this.current, "statefulSet", "name") ?? this.name;
    return this.ctx.logs.lines(this.namespace, `${statefulSet}-0`, options);
  }
}
