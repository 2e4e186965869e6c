import type { SeidResult } from "../../../chain/seidCommand.js";
import type { Endpoints, ForwardedEndpoints, Node } from "../../../client/handles.js";
import type { LogOptions, OpOptions } from "../../../client/options.js";
import { serveProbe } from "../../../client/serveProbe.js";
import { UsageError } from "../../../errors/usage.js";
import { LABEL_NETWORK } from "../../../labels.js";
import type { NodePhase } from "../../../specs/types.js";
import type { K8sContext } from "../context.js";
import { type CustomResource, SEI_NODE } from "../resources.js";
import { statusString } from "../status.js";
import { refusedVerb } from "./refusedVerb.js";
import { ResourceHandle } from "./resourceHandle.js";

/** A follower SeiNode; endpoints straight from `status.endpoint`, present once Running. */
export class K8sNode extends ResourceHandle<NodePhase> implements Node {
  constructor(ctx: K8sContext, namespace: string, name: string, current?: CustomResource) {
    super(ctx, SEI_NODE, namespace, name, current);
  }

  /** The network's name, from the peer label seinet sets (its chain id may differ); else the chain id. */
  get network(): string {
    return (
      this.current?.metadata.labels?.[LABEL_NETWORK] ??
      (this.current?.spec as { chainId?: string } | undefined)?.chainId ??
      ""
    );
  }

  /**
   * Refused: the controller's pods run seid beside a sidecar, and seinet has
   * no exec into them; use `kubectl exec` into the node's pod.
   */
  async seid(): Promise<SeidResult> {
    throw new UsageError(
      `Running seid against node "${this.name}" is not available in the k8s mode: seinet does not exec into the controller's pods; use \`kubectl exec\` into the node's pod (namespace ${this.namespace}).`,
      { field: "seid" },
    );
  }

  /** The node's pod: the StatefulSet's first. */
  #pod(): string {
    return `${statusString(this.current, "statefulSet", "name") ?? this.name}-0`;
  }

  /** Deletes the node's pod at once; its StatefulSet starts a new one on the same volume. */
  async kill(options: OpOptions = {}): Promise<void> {
    if (!this.ctx.pods) throw refusedVerb("kill", this.name, this.namespace);
    await this.ctx.pods.kill(this.namespace, this.#pod(), options.signal);
  }

  /** Refused: see {@link refusedVerb}. */
  async restart(): Promise<void> {
    throw refusedVerb("restart", this.name, this.namespace);
  }
  /** Refused: see {@link refusedVerb}. */
  async pause(): Promise<void> {
    throw refusedVerb("pause", this.name, this.namespace);
  }
  /** Refused: see {@link refusedVerb}. */
  async unpause(): Promise<void> {
    throw refusedVerb("unpause", this.name, this.namespace);
  }
  /** Refused: see {@link refusedVerb}. */
  async disconnect(): Promise<void> {
    throw refusedVerb("disconnect", this.name, this.namespace);
  }
  /** Refused: see {@link refusedVerb}. */
  async reconnect(): Promise<void> {
    throw refusedVerb("reconnect", this.name, this.namespace);
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

  /**
   * Watches until Running (Failed rejects at once), then probes EVM RPC (else
   * /status) until it answers; a pod whose seid crash-loops rejects at once
   * too, with the kubelet's reason and seid's last lines (see guardPods).
   */
  async waitReady(options: OpOptions = {}): Promise<void> {
    const what = `waiting for node "${this.name}" to be Running`;
    await this.guardPods(
      [this.name],
      options,
      (failure) =>
        failure.container
          ? `Node "${this.name}" cannot serve: container ${failure.container} of its pod ${failure.pod} is stuck.`
          : `Node "${this.name}" cannot serve: its pod ${failure.pod} failed.`,
      async (signal) => {
        await this.waitForPhase("Running", { signal }, what);
        await serveProbe(this.forwarded ?? this.#endpoints(), signal, what);
      },
    );
  }

  /** Port-forwards the node's in-cluster endpoints to 127.0.0.1 (passes reachable ones through). */
  forward(options: OpOptions = {}): Promise<ForwardedEndpoints> {
    return this.openForward(this.#endpoints(), options);
  }

  /** The seid container's log from the node's pod (`<statefulset>-0`). */
  logs(options: LogOptions = {}): AsyncIterable<string> {
    return this.ctx.logs.lines(this.namespace, this.#pod(), options);
  }
}
