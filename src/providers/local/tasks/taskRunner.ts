import type { Task } from "../../../client/handles.js";
import type { GetOptions, OpOptions } from "../../../client/options.js";
import { ConflictError } from "../../../errors/conflict.js";
import { FailedError } from "../../../errors/failed.js";
import { NotFoundError } from "../../../errors/notFound.js";
import { UsageError } from "../../../errors/usage.js";
import { logger } from "../../../internal/debug.js";
import { endpoint } from "../../../readiness/endpoint.js";
import { getJson } from "../../../readiness/http.js";
import { waitRestServing } from "../../../readiness/waitRestServing.js";
import type { TaskSpec } from "../../../specs/types.js";
import { endpointsOf } from "../endpoints.js";
import { LocalTask, type LocalTaskOps } from "../handles/localTask.js";
import { hostRuntime } from "../hostRuntime.js";
import type { NetworkRecord, NodeRecord, SeidRef, TaskRecord } from "../records.js";
import type { SeidResolver } from "../seidResolver.js";
import type { StateStore } from "../store.js";
import { viewNode } from "../views.js";
import { checkGovTx } from "./checkGovTx.js";
import { executeTask } from "./executeTask.js";

const log = logger("local");

/** What the task runner needs from the local provider. */
export interface TaskRunnerDeps {
  store: StateStore;
  resolve: SeidResolver;
  /** The namespace a spec's empty namespace means. */
  namespace(ns: string | undefined): string;
  restartNode(node: NodeRecord, seid: SeidRef | undefined, signal?: AbortSignal): Promise<NodeRecord>;
}

/**
 * Runs the local mode's tasks: checks them against the chain first, then
 * carries them out in this process with their state on disk, so `getTask`
 * reads them from any process.
 */
export class LocalTaskRunner implements LocalTaskOps {
  readonly #deps: TaskRunnerDeps;
  /** Tasks this process runs: their settling promise and a way to cancel them. */
  readonly #tasks = new Map<string, { done: Promise<void>; controller: AbortController }>();

  constructor(deps: TaskRunnerDeps) {
    this.#deps = deps;
  }

  get store(): StateStore {
    return this.#deps.store;
  }

  /**
   * Starts a task against a node of this machine and returns at once; the run
   * goes on in this process, its state on disk. Everything that can be checked
   * first (the node, the key, chain id, fees, deposit, the proposal voted on)
   * is, so bad input is a UsageError or NotFoundError and the chain is untouched.
   */
  async run(spec: TaskSpec, options: OpOptions): Promise<Task> {
    const { signal } = options;
    const ns = this.#deps.namespace(spec.namespace);
    const node = await this.#deps.store.readNode(ns, spec.node);
    if (!node) throw new NotFoundError("node", spec.node, { namespace: ns });
    const network = await this.#deps.store.readNetwork(node.networkNamespace, node.network);
    if (!network) throw new NotFoundError("network", node.network, { namespace: node.networkNamespace });
    await this.#checkTask(spec, node, network, signal);
    const record: TaskRecord = {
      kind: "task",
      name: spec.name,
      namespace: ns,
      spec,
      phase: "Pending",
      runnerPid: process.pid,
      createdAt: new Date().toISOString(),
    };
    await this.#deps.store.withLock(async () => {
      const existing = await this.#deps.store.readTask(ns, spec.name);
      if (existing)
        throw new ConflictError(`A task named "${spec.name}" already exists in namespace "${ns}".`);
      await this.#deps.store.writeTask(record);
    });
    const controller = new AbortController();
    const key = `${ns}/${spec.name}`;
    const done = this.#runTask(record, node, network, controller.signal).finally(() =>
      this.#tasks.delete(key),
    );
    this.#tasks.set(key, { done, controller });
    return new LocalTask(this, record);
  }

  async #checkTask(
    spec: TaskSpec,
    node: NodeRecord,
    network: NetworkRecord,
    signal?: AbortSignal,
  ): Promise<void> {
    const payload = spec.govSoftwareUpgrade ?? spec.govVote ?? spec.govParamChange;
    if (payload) {
      const field = spec.govSoftwareUpgrade
        ? "govSoftwareUpgrade"
        : spec.govVote
          ? "govVote"
          : "govParamChange";
      if (!payload.keyName && node.role !== "validator") {
        throw new UsageError(
          `Node "${node.name}" is a ${node.role} and holds no key: target a validator (\`${network.name}-0\` …) or give \`${field}.keyName\`.`,
          { field: "node" },
        );
      }
      const view = await viewNode(this.#deps.store, node);
      if (view.phase !== "Running") {
        throw new UsageError(`Node "${node.name}" is ${view.phase}; a transaction needs a running node.`, {
          field: "node",
        });
      }
      const rest = endpointsOf(node).rest;
      // REST comes up a moment after Tendermint RPC, which is all waitReady probes.
      await waitRestServing(rest, { timeout: 20_000, ...(signal ? { signal } : {}) });
      await checkGovTx(payload, field, network, node, rest, signal);
      if (spec.govVote) {
        const found = await getJson(
          endpoint(rest, `/cosmos/gov/v1beta1/proposals/${spec.govVote.proposalId}`),
          {
            signal,
          },
        ).catch(() => undefined);
        if (!found) {
          throw new UsageError(
            `Proposal ${spec.govVote.proposalId} does not exist on chain "${network.chainId}".`,
            {
              field: "govVote.proposalId",
            },
          );
        }
      }
    }
    if (spec.updateNodeImage) {
      if (!spec.updateNodeImage.binary) {
        throw new UsageError(
          "In the local mode `updateNodeImage` takes a `binary` (a path or an installed version such as v6.6.2).",
          {
            field: "updateNodeImage.binary",
          },
        );
      }
      await this.#deps.resolve(spec.updateNodeImage.binary, signal);
    }
  }

  async #runTask(
    record: TaskRecord,
    node: NodeRecord,
    network: NetworkRecord,
    cancel: AbortSignal,
  ): Promise<void> {
    const spec = record.spec;
    const timeout = spec.timeout ? AbortSignal.timeout(spec.timeout) : undefined;
    const signal = timeout ? AbortSignal.any([cancel, timeout]) : cancel;
    const finish = async (patch: Partial<TaskRecord>) => {
      Object.assign(record, patch, { finishedAt: new Date().toISOString() });
      if (await this.#deps.store.readTask(record.namespace, record.name))
        await this.#deps.store.writeTask(record);
    };
    try {
      if (spec.requirePhase)
        await this.#requirePhase(node, spec.requirePhase, spec.requirePhaseTimeout, cancel);
      record.phase = "Running";
      await this.#deps.store.writeTask(record);
      const outputs = await executeTask(spec, node, network, this.#taskDeps(), signal);
      await finish({ phase: "Complete", outputs });
    } catch (err) {
      const e = err as { reason?: string; logTail?: string; message?: string };
      const reason = timeout?.aborted
        ? `timed out after ${spec.timeout} ms`
        : cancel.aborted
          ? "canceled"
          : (e.reason ?? e.message ?? String(err));
      log("task %s failed: %s", record.name, reason);
      await finish({ phase: "Failed", reason, ...(e.logTail ? { logTail: e.logTail } : {}) }).catch(() => {});
    }
  }

  async #requirePhase(
    node: NodeRecord,
    phase: string,
    timeoutMs: number | undefined,
    cancel: AbortSignal,
  ): Promise<void> {
    const deadline = Date.now() + (timeoutMs ?? 5 * 60_000);
    for (;;) {
      const view = await viewNode(
        this.#deps.store,
        (await this.#deps.store.readNode(node.namespace, node.name)) ?? node,
      );
      if (view.phase === phase) return;
      if (cancel.aborted || Date.now() > deadline) {
        throw new FailedError(`Node "${node.name}" did not reach phase ${phase}.`, {
          resource: `node/${node.name}`,
          reason: `required phase ${phase} not reached (last seen ${view.phase})`,
        });
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  #taskDeps() {
    return {
      runtime: (node: NodeRecord) => hostRuntime(node.seid.path),
      view: async (node: NodeRecord) =>
        viewNode(this.#deps.store, (await this.#deps.store.readNode(node.namespace, node.name)) ?? node),
      restart: (node: NodeRecord, seid: SeidRef | undefined, signal: AbortSignal) =>
        this.#deps.restartNode(node, seid, signal),
      resolve: (binary: string, signal: AbortSignal) => this.#deps.resolve(binary, signal),
    };
  }

  /** Reads a task back by name, from this process or another. */
  async get(name: string, options: GetOptions): Promise<Task> {
    const ns = this.#deps.namespace(options.namespace);
    const record = await this.#deps.store.readTask(ns, name);
    if (!record) throw new NotFoundError("task", name, { namespace: ns });
    return new LocalTask(this, record);
  }

  async cancelTask(namespace: string, name: string): Promise<void> {
    const run = this.#tasks.get(`${namespace}/${name}`);
    if (run) {
      run.controller.abort();
      await run.done;
    }
    await this.#deps.store.removeTask(namespace, name);
  }

  /** Cancels the tasks this process still runs (their records say so) and waits for them. */
  async close(): Promise<void> {
    const runs = [...this.#tasks.values()];
    for (const run of runs) run.controller.abort();
    await Promise.all(runs.map((run) => run.done));
  }
}
