import { ConflictError } from "../errors/conflict.js";
import { UsageError } from "../errors/usage.js";
import { throwIfAborted } from "../internal/abort.js";
import type { Session } from "../session/session.js";
import { requireDnsLabel } from "../specs/rules.js";
import type { NetworkSpec, NodeSpec, TaskSpec, WorkflowSpec } from "../specs/types.js";
import { validateNetworkSpec } from "../specs/validateNetworkSpec.js";
import { validateNodeSpec } from "../specs/validateNodeSpec.js";
import { validateTaskSpec } from "../specs/validateTaskSpec.js";
import { validateWorkflowSpec } from "../specs/validateWorkflowSpec.js";
import type { Network, Node, Task, Workflow } from "./handles.js";
import type { CreateNetworkOptions, GetOptions, ListOptions, OpOptions } from "./options.js";
import type { Provider } from "./provider.js";
import type { RemoteSession } from "./remoteSession.js";

function checkGet(name: unknown, options: GetOptions | undefined, what: string): GetOptions {
  requireDnsLabel(name, "name");
  if (options?.namespace !== undefined) requireDnsLabel(options.namespace, "namespace");
  throwIfAborted(options?.signal, what);
  return options ?? {};
}

/**
 * One mode's connection: a thin, stateless CRUD layer. `create*` returns a
 * handle at once, `waitReady` blocks, and the caller owns every `delete`. The
 * client keeps no registry of what it made; `get*` reads the runtime back.
 *
 * @example
 * ```ts
 * import { open } from "seinet";
 * const client = await open("k8s");
 * const net = await client.createNetwork({ name: "devnet", validators: 1, image: "sei:v6.6.2" });
 * await net.waitReady({ signal: AbortSignal.timeout(300_000) });
 * await client.close();
 * ```
 */
export class Client {
  readonly #provider: Provider;
  readonly #session: Session | undefined;
  #closed = false;

  /** Wraps a provider; normally reached through `open`. */
  constructor(provider: Provider, session?: Session) {
    this.#provider = provider;
    this.#session = session;
  }

  /** The session this client makes networks in (`open(mode, { session: true })`), if any. */
  get session(): Session | undefined {
    return this.#session;
  }

  /**
   * Makes a network or node inside the session, if any: recorded before it is
   * made and labelled with the session. A ConflictError (the name is taken)
   * means nothing was made: the entry is forgotten again, so the reaper never
   * deletes what holds the name.
   */
  async #inSession<S extends { name: string; namespace?: string; labels?: Record<string, string> }, H>(
    kind: "network" | "node",
    spec: S,
    make: (spec: S) => Promise<H>,
  ): Promise<H> {
    const session = this.#session;
    if (!session) return make(spec);
    const entry = { kind, name: spec.name, namespace: spec.namespace ?? session.defaultNamespace };
    const fresh = await session.track(entry);
    try {
      return await make({ ...spec, labels: { ...spec.labels, ...session.labels } });
    } catch (err) {
      if (fresh && err instanceof ConflictError) await session.untrack(entry);
      throw err;
    }
  }

  /** The mode this client drives (`local`, `docker`, `k8s`, or a registered one). */
  get mode(): string {
    return this.#provider.mode;
  }

  #live(): Provider {
    if (this.#closed) throw new UsageError("This client is closed; call open() again.");
    return this.#provider;
  }

  /** Creates a genesis network; validated first, so bad input creates nothing. */
  async createNetwork(spec: NetworkSpec, options: CreateNetworkOptions = {}): Promise<Network> {
    const valid = validateNetworkSpec(spec);
    throwIfAborted(options.signal, `creating network "${valid.name}"`);
    const provider = this.#live();
    return this.#inSession("network", valid, (s) => provider.createNetwork(s, options));
  }

  /** Reads an existing network back from the runtime; NotFoundError if absent. */
  async getNetwork(name: string, options?: GetOptions): Promise<Network> {
    return this.#live().getNetwork(name, checkGet(name, options, `getting network "${name}"`));
  }

  /** Creates a follower RPC node peered to `spec.network`. */
  async createNode(spec: NodeSpec, options: OpOptions = {}): Promise<Node> {
    const valid = validateNodeSpec(spec);
    throwIfAborted(options.signal, `creating node "${valid.name}"`);
    const provider = this.#live();
    return this.#inSession("node", valid, (s) => provider.createNode(s, options));
  }

  /** Reads an existing node back from the runtime. */
  async getNode(name: string, options?: GetOptions): Promise<Node> {
    return this.#live().getNode(name, checkGet(name, options, `getting node "${name}"`));
  }

  /** Starts a one-shot task against a node; `task.wait()` returns its outputs. */
  async runTask(spec: TaskSpec, options: OpOptions = {}): Promise<Task> {
    const valid = validateTaskSpec(spec);
    throwIfAborted(options.signal, `running task "${valid.name}"`);
    return this.#live().runTask(valid, options);
  }

  /** Reads an existing task back. */
  async getTask(name: string, options?: GetOptions): Promise<Task> {
    return this.#live().getTask(name, checkGet(name, options, `getting task "${name}"`));
  }

  /** Starts a multi-step workflow against a node. */
  async createWorkflow(spec: WorkflowSpec, options: OpOptions = {}): Promise<Workflow> {
    const valid = validateWorkflowSpec(spec);
    throwIfAborted(options.signal, `creating workflow "${valid.name}"`);
    return this.#live().createWorkflow(valid, options);
  }

  /** Reads an existing workflow back. */
  async getWorkflow(name: string, options?: GetOptions): Promise<Workflow> {
    return this.#live().getWorkflow(name, checkGet(name, options, `getting workflow "${name}"`));
  }

  /** Networks the runtime holds, read back from it (for dashboards and sweeps). */
  async listNetworks(options: ListOptions = {}): Promise<Network[]> {
    const provider = this.#listing(options, "listNetworks");
    return provider.listNetworks!(options);
  }

  /** Nodes the runtime holds; `network` narrows to one network's validators, sentry and followers. */
  async listNodes(options: ListOptions = {}): Promise<Node[]> {
    const provider = this.#listing(options, "listNodes");
    return provider.listNodes!(options);
  }

  #listing(options: ListOptions, verb: "listNetworks" | "listNodes"): Provider {
    if (options.namespace !== undefined) requireDnsLabel(options.namespace, "namespace");
    if (options.network !== undefined) requireDnsLabel(options.network, "network");
    throwIfAborted(options.signal, verb);
    const provider = this.#live();
    if (typeof provider[verb] !== "function") {
      throw new UsageError(`The "${provider.mode}" mode cannot list; use get* with a name.`, {
        field: "mode",
      });
    }
    return provider;
  }

  /**
   * Removes session `id`'s record from the runtime (k8s: its Lease) once
   * what it made is gone: what reapers and `collectGarbage` call. Modes that
   * keep sessions only on this machine have nothing to remove.
   */
  async forgetSession(id: string, options: OpOptions = {}): Promise<void> {
    await this.#live().sessions?.drop(id, options.signal);
  }

  /** Sessions the runtime records (k8s: Leases), live and dead; empty where a mode keeps none. */
  async remoteSessions(options: OpOptions = {}): Promise<RemoteSession[]> {
    return (await this.#live().sessions?.list(options.signal)) ?? [];
  }

  /** Releases connections; deletes nothing. Safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#provider.close();
  }

  /** Lets callers write `await using client = await open()`; closes, deletes nothing. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
