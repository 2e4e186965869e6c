import { type SeidResult, ensureTestAccountKey } from "../../chain/seidCommand.js";
import type { ForwardedEndpoints, Node, SeidOptions } from "../../client/handles.js";
import type { DeleteOptions, LogOptions, OpOptions } from "../../client/options.js";
import { throwIfAborted } from "../../internal/abort.js";
import { endpoint } from "../../readiness/endpoint.js";
import { postJsonRpc } from "../../readiness/http.js";
import type { NodePhase } from "../../specs/types.js";
import { deadNode } from "./deadNode.js";
import { failure } from "./failure.js";
import type { NodeFacts, NodeFaults, NodeOps } from "./nodeOps.js";
import { passThrough } from "./passThrough.js";
import { restartAfterStartupRace } from "./restartAfterStartupRace.js";
import { waitServing } from "./waitServing.js";

type Fault = (options?: OpOptions) => Promise<void>;

/**
 * A seid process (local) or container (docker): a follower, a validator
 * (`<network>-<ordinal>`) or a sentry, written once over the mode's
 * {@link NodeOps}. The fault verbs exist only where the mode makes them real.
 */
export class NodeHandle<N, V> implements Node {
  readonly name: string;
  readonly namespace: string;
  #view: V;
  readonly #ops: NodeOps<N, V>;

  /** Freezes seid (docker: `docker pause`): it stops, its ports stay bound. */
  readonly pause?: Fault;
  /** Resumes a paused node. */
  readonly unpause?: Fault;
  /**
   * Cuts the node off its network: its peers lose it. In docker, ports are
   * published through that network, so the endpoints are `undefined` until
   * `reconnect`, which may publish them on new host ports.
   */
  readonly disconnect?: Fault;
  /** Puts a disconnected node back on its network, under the same name; endpoints are read back. */
  readonly reconnect?: Fault;
  /**
   * Kills seid at once (local: SIGKILL; docker: the container killed): the
   * node reads Failed with why, and a pending `waitReady` rejects.
   */
  readonly kill?: Fault;
  /** Starts seid again on the same home or volume (stopping it first if it runs). */
  readonly restart?: Fault;

  constructor(ops: NodeOps<N, V>, view: V) {
    this.#ops = ops;
    this.#view = view;
    const facts = ops.nodeFacts(view);
    this.name = facts.name;
    this.namespace = facts.namespace;
    const faults = ops.faults;
    if (faults) {
      this.pause = this.#fault(faults, "pause", "pausing");
      this.unpause = this.#fault(faults, "unpause", "unpausing");
      this.disconnect = this.#fault(faults, "disconnect", "disconnecting");
      this.reconnect = this.#fault(faults, "reconnect", "reconnecting");
      if (faults.kill) this.kill = this.#fault(faults, "kill", "killing");
      if (faults.restart) this.restart = this.#fault(faults, "restart", "restarting");
    }
  }

  #facts(): NodeFacts {
    return this.#ops.nodeFacts(this.#view);
  }

  /** Name of the network this node runs. */
  get network(): string {
    return this.#facts().network;
  }

  /** `validator`, `sentry` or `follower`. */
  get role(): string {
    return this.#facts().role;
  }

  get phase(): NodePhase {
    return this.#facts().phase;
  }

  get evmRpc(): string | undefined {
    return this.#facts().endpoints.evmRpc;
  }
  get evmWs(): string | undefined {
    return this.#facts().endpoints.evmWs;
  }
  get tendermintRpc(): string | undefined {
    return this.#facts().endpoints.tendermintRpc;
  }
  get rest(): string | undefined {
    return this.#facts().endpoints.rest;
  }

  /** The mode's raw node as last read: the local record with its process, or the container's inspect. */
  object(): unknown {
    return structuredClone(this.#ops.nodeObject(this.#view));
  }

  async refresh(options: OpOptions = {}): Promise<void> {
    this.#view = await this.#ops.viewNode(this.namespace, this.name, options.signal);
  }

  /**
   * Resolves when seid runs and its EVM RPC answers eth_blockNumber. A seid
   * that exits meanwhile rejects at once with a FailedError carrying its exit
   * code and log tail.
   */
  async waitReady(options: OpOptions = {}): Promise<void> {
    const restarted = new Set<string>();
    await waitServing({
      signal: options.signal,
      what: `waiting for node "${this.name}" to serve EVM RPC`,
      check: async () => {
        await this.refresh();
        const { phase, reason } = this.#facts();
        if (phase === "Failed") {
          const left = await deadNode(this.#ops, this.#view);
          if (await restartAfterStartupRace(this.#ops, this.#view, left, restarted, options.signal)) {
            return { ready: false, note: "started again after seid's start-up race" };
          }
          return {
            ready: false,
            failed: failure({ kind: "node", name: this.name, phase, reason }, left),
          };
        }
        return { ready: phase === "Running", note: `phase ${phase}` };
      },
      probe: (signal) =>
        postJsonRpc(endpoint(this.evmRpc as string), "eth_blockNumber", [], {
          signal,
          requestTimeout: this.#ops.probeRequestMs,
        }),
    });
  }

  /** Endpoints on this machine (loopback, or published on 127.0.0.1) need no forwarding: returned as they are. */
  async forward(): Promise<ForwardedEndpoints> {
    return passThrough({
      evmRpc: this.evmRpc,
      evmWs: this.evmWs,
      tendermintRpc: this.tendermintRpc,
      rest: this.rest,
    });
  }

  /** The node's log (seid's output) line by line. */
  logs(options: LogOptions = {}): AsyncIterable<string> {
    return this.#ops.logs(this.#view, options);
  }

  /**
   * Runs the node's own seid against it; see {@link Node.seid}. The network's
   * test account is put in the node's keyring first, when it is not there.
   */
  async seid(args: readonly string[], options: SeidOptions = {}): Promise<SeidResult> {
    throwIfAborted(options.signal, `running seid on node "${this.name}"`);
    const facts = this.#facts();
    const run = this.#ops.seidCommand(this.#view);
    const network = await this.#ops.viewNetwork(facts.networkNamespace, facts.network, options.signal);
    await ensureTestAccountKey(run, this.#ops.networkFacts(network).testAccount, options.signal);
    return run(args, options);
  }

  /** A fault verb: refused once aborted, done by the mode, then the node read back. */
  #fault(faults: NodeFaults<V>, verb: keyof NodeFaults<V>, doing: string): Fault {
    return async (options: OpOptions = {}) => {
      throwIfAborted(options.signal, `${doing} node "${this.name}"`);
      await faults[verb]?.(this.#view, options.signal);
      await this.refresh();
    };
  }

  /** Stops seid and removes its state (a follower only); a missing node is success. */
  async delete(options: DeleteOptions = {}): Promise<void> {
    await this.#ops.deleteNode(this.namespace, this.name, options);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.delete();
  }
}
