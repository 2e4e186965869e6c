import { type SeidResult, ensureTestAccountKey } from "../../../chain/seidCommand.js";
import type { ForwardedEndpoints, Node, SeidOptions } from "../../../client/handles.js";
import type { DeleteOptions, LogOptions, OpOptions } from "../../../client/options.js";
import { endpoint } from "../../../readiness/endpoint.js";
import { postJsonRpc } from "../../../readiness/http.js";
import { DEFAULT_REQUEST_TIMEOUT_MS } from "../../../readiness/options.js";
import type { NodePhase } from "../../../specs/types.js";
import { endpointsOf } from "../endpoints.js";
import { hostSeidCommand } from "../hostSeidCommand.js";
import type { LocalOps } from "../localOps.js";
import { logLines } from "../logLines.js";
import { type NodeView, failure } from "../views.js";
import { waitServing } from "../waitServing.js";
import { passThrough } from "./passThrough.js";

/** A seid process on this machine: a follower, a validator (`<network>-<ordinal>`) or a sentry. */
export class LocalNode implements Node {
  readonly name: string;
  readonly namespace: string;
  #view: NodeView;
  readonly #ops: LocalOps;

  constructor(ops: LocalOps, view: NodeView) {
    this.#ops = ops;
    this.#view = view;
    this.name = view.record.name;
    this.namespace = view.record.namespace;
  }

  /** Chain id of the network this node runs. */
  get network(): string {
    return this.#view.record.network;
  }

  /** `validator`, `sentry` or `follower`. */
  get role(): string {
    return this.#view.record.role;
  }

  get phase(): NodePhase {
    return this.#view.phase;
  }

  #endpoint(key: "evmRpc" | "evmWs" | "tendermintRpc" | "rest"): string | undefined {
    return this.#view.phase === "Running" ? endpointsOf(this.#view.record)[key] : undefined;
  }

  get evmRpc(): string | undefined {
    return this.#endpoint("evmRpc");
  }
  get evmWs(): string | undefined {
    return this.#endpoint("evmWs");
  }
  get tendermintRpc(): string | undefined {
    return this.#endpoint("tendermintRpc");
  }
  get rest(): string | undefined {
    return this.#endpoint("rest");
  }

  /** The node's record, process and exit code as last read. */
  object(): unknown {
    const { record, proc, exitCode, reason } = this.#view;
    return structuredClone({ ...record, proc, exitCode, reason });
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
    await waitServing({
      signal: options.signal,
      what: `waiting for node "${this.name}" to serve EVM RPC`,
      check: async () => {
        await this.refresh();
        const v = this.#view;
        if (v.phase === "Failed")
          return {
            ready: false,
            failed: await failure("node", this.name, v.phase, v.reason, v, this.#ops.store),
          };
        return { ready: v.phase === "Running", note: `phase ${v.phase}` };
      },
      probe: (signal) =>
        postJsonRpc(endpoint(this.evmRpc as string), "eth_blockNumber", [], {
          signal,
          requestTimeout: DEFAULT_REQUEST_TIMEOUT_MS,
        }),
    });
  }

  /** Local endpoints are already reachable from this machine: returned as they are. */
  async forward(): Promise<ForwardedEndpoints> {
    return passThrough({
      evmRpc: this.evmRpc,
      evmWs: this.evmWs,
      tendermintRpc: this.tendermintRpc,
      rest: this.rest,
    });
  }

  /** Runs the node's seid on its home; see {@link Node.seid}. */
  async seid(args: readonly string[], options: SeidOptions = {}): Promise<SeidResult> {
    const { record } = this.#view;
    const run = hostSeidCommand(record.seid.path, record.home);
    const network = await this.#ops.viewNetwork(record.networkNamespace, record.network, options.signal);
    await ensureTestAccountKey(run, network.record.testAccount, options.signal);
    return run(args, options);
  }

  logs(options: LogOptions = {}): AsyncIterable<string> {
    return logLines(this.#ops.store.nodePaths(this.namespace, this.name).log, options);
  }

  /** Stops seid (SIGTERM, a grace, SIGKILL) and removes its directory; a missing node is success. */
  async delete(options: DeleteOptions = {}): Promise<void> {
    await this.#ops.deleteNode(this.namespace, this.name, options);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.delete();
  }
}
