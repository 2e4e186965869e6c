import { type SeidResult, ensureTestAccountKey } from "../../../chain/seidCommand.js";
import type { ForwardedEndpoints, Node, SeidOptions } from "../../../client/handles.js";
import type { DeleteOptions, LogOptions, OpOptions } from "../../../client/options.js";
import { ConflictError } from "../../../errors/conflict.js";
import { throwIfAborted } from "../../../internal/abort.js";
import { endpoint } from "../../../readiness/endpoint.js";
import { postJsonRpc } from "../../../readiness/http.js";
import type { NodePhase } from "../../../specs/types.js";
import { passThrough } from "../../local/handles/passThrough.js";
import { containerSeidCommand } from "../containerSeidCommand.js";
import { ignoreMissing, mapDockerError } from "../dockerErrors.js";
import type { DockerOps } from "../dockerOps.js";
import { containerLogLines } from "../logs.js";
import { CONTAINER_HOME, resourceName } from "../names.js";
import { type NodeView, failure } from "../views.js";
import { PROBE_REQUEST_MS, waitContainers } from "../waitReady.js";

/** A seid container: a follower, a validator (`<network>-<ordinal>`) or a sentry. */
export class DockerNode implements Node {
  readonly name: string;
  readonly namespace: string;
  #view: NodeView;
  readonly #ops: DockerOps;

  constructor(ops: DockerOps, view: NodeView) {
    this.#ops = ops;
    this.#view = view;
    this.name = view.name;
    this.namespace = view.namespace;
  }

  /** Chain id of the network this node runs. */
  get network(): string {
    return this.#view.network;
  }

  /** `validator`, `sentry` or `follower`. */
  get role(): string {
    return this.#view.role;
  }

  get phase(): NodePhase {
    return this.#view.phase;
  }

  get evmRpc(): string | undefined {
    return this.#view.endpoints.evmRpc;
  }
  get evmWs(): string | undefined {
    return this.#view.endpoints.evmWs;
  }
  get tendermintRpc(): string | undefined {
    return this.#view.endpoints.tendermintRpc;
  }
  get rest(): string | undefined {
    return this.#view.endpoints.rest;
  }

  /** The container's inspect as last read. */
  object(): unknown {
    return structuredClone(this.#view.inspect);
  }

  async refresh(_options: OpOptions = {}): Promise<void> {
    this.#view = await this.#ops.viewNode(this.namespace, this.name);
  }

  /**
   * Resolves when the container runs and its EVM RPC answers eth_blockNumber.
   * A container that exits meanwhile rejects at once with a FailedError
   * carrying its exit code and log tail.
   */
  async waitReady(options: OpOptions = {}): Promise<void> {
    await waitContainers({
      signal: options.signal,
      what: `waiting for node "${this.name}" to serve EVM RPC`,
      check: async () => {
        await this.refresh();
        const v = this.#view;
        if (v.phase === "Failed") {
          return {
            ready: false,
            failed: await failure(this.#ops.docker, "node", this.name, v.phase, v.reason, v),
          };
        }
        return { ready: v.phase === "Running", note: `phase ${v.phase}` };
      },
      probe: (signal) =>
        postJsonRpc(endpoint(this.evmRpc as string), "eth_blockNumber", [], {
          signal,
          requestTimeout: PROBE_REQUEST_MS,
        }),
    });
  }

  /** Published ports are on 127.0.0.1 already: returned as they are. */
  async forward(): Promise<ForwardedEndpoints> {
    return passThrough({
      evmRpc: this.evmRpc,
      evmWs: this.evmWs,
      tendermintRpc: this.tendermintRpc,
      rest: this.rest,
    });
  }

  /** Runs the node's seid by `docker exec` in its container; see {@link Node.seid}. */
  async seid(args: readonly string[], options: SeidOptions = {}): Promise<SeidResult> {
    throwIfAborted(options.signal, `running seid on node "${this.name}"`);
    const run = containerSeidCommand(this.#ops.docker, this.#container(), CONTAINER_HOME);
    const network = await this.#ops.viewNetwork(this.#view.networkNamespace, this.#view.network);
    await ensureTestAccountKey(run, network.testAccount, options.signal);
    return run(args, options);
  }

  /** The container's log (stdout and stderr) line by line. */
  logs(options: LogOptions = {}): AsyncIterable<string> {
    return containerLogLines(this.#ops.docker, this.#container(), options);
  }

  #container() {
    return this.#ops.docker.getContainer(this.#view.inspect.Id);
  }

  /** Freezes the container's processes (`docker pause`): seid stops, its ports stay bound. */
  async pause(options: OpOptions = {}): Promise<void> {
    throwIfAborted(options.signal, `pausing node "${this.name}"`);
    await this.#fault("pause", () => this.#container().pause());
  }

  /** Resumes a paused container. */
  async unpause(options: OpOptions = {}): Promise<void> {
    throwIfAborted(options.signal, `unpausing node "${this.name}"`);
    await this.#fault("unpause", () => this.#container().unpause());
  }

  /**
   * Cuts the container off its network's Docker network: its peers lose it.
   * Docker publishes ports through that network, so the node's endpoints are
   * `undefined` until {@link reconnect}, which may publish them on new host ports.
   */
  async disconnect(options: OpOptions = {}): Promise<void> {
    throwIfAborted(options.signal, `disconnecting node "${this.name}"`);
    const net = this.#ops.docker.getNetwork(this.#ops.dockerNetworkOf(this.#view));
    await this.#fault("disconnect", () => net.disconnect({ Container: this.#view.inspect.Id, Force: true }));
  }

  /** Puts a disconnected container back on its network, under its container name; endpoints are read back. */
  async reconnect(options: OpOptions = {}): Promise<void> {
    throwIfAborted(options.signal, `reconnecting node "${this.name}"`);
    const net = this.#ops.docker.getNetwork(this.#ops.dockerNetworkOf(this.#view));
    await this.#fault("reconnect", () =>
      net.connect({
        Container: this.#view.inspect.Id,
        EndpointConfig: { Aliases: [resourceName(this.namespace, this.name)] },
      }),
    );
  }

  async #fault(what: string, fn: () => Promise<unknown>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode === 409) {
        throw new ConflictError(`Cannot ${what} node "${this.name}": ${String(err)}`, { cause: err });
      }
      throw mapDockerError(err, `to ${what} node "${this.name}"`);
    }
    await ignoreMissing(() => this.refresh());
  }

  /** Removes the container and its volume; a missing node is success. */
  async delete(options: DeleteOptions = {}): Promise<void> {
    await this.#ops.deleteNode(this.namespace, this.name, options);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.delete();
  }
}
