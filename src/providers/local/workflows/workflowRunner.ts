import { readFile, writeFile } from "node:fs/promises";
import { type StateSyncSettings, withStateSync } from "../../../chain/stateSyncSettings.js";
import type { Workflow } from "../../../client/handles.js";
import type { GetOptions, OpOptions } from "../../../client/options.js";
import { FailedError } from "../../../errors/failed.js";
import { NotFoundError } from "../../../errors/notFound.js";
import { UsageError } from "../../../errors/usage.js";
import { throwIfAborted } from "../../../internal/abort.js";
import { logger } from "../../../internal/debug.js";
import { poll } from "../../../internal/poll.js";
import { earliestHeight } from "../../../readiness/earliestHeight.js";
import type { WorkflowSpec } from "../../../specs/types.js";
import { RecordFiles } from "../../../tasks/recordFiles.js";
import { StoredRuns } from "../../../tasks/storedRuns.js";
import { endpointsOf } from "../endpoints.js";
import { LocalWorkflow, type LocalWorkflowOps } from "../handles/localWorkflow.js";
import type { NetworkRecord, NodeRecord } from "../records.js";
import { prepareStateSync, requireSnapshots } from "../stateSync/prepareStateSync.js";
import { stateSynced } from "../stateSync/stateSynced.js";
import type { StateStore } from "../store.js";
import { failure, viewNode } from "../views.js";
import { resetNodeData } from "./resetNodeData.js";
import type { WorkflowRecord } from "./workflowRecord.js";

const log = logger("local");

/**
 * Bootstraps tried before a workflow fails: seid's state sync can lose one
 * restore (it exits with "verification with app failed" on a busy machine)
 * and pass the next from a fresh reset.
 */
const ATTEMPTS = 2;

/** How long a re-bootstrapped node gets to restore its snapshot and catch up. */
const CATCH_UP_MS = 5 * 60_000;

/** What the workflow runner needs from the local provider. */
export interface WorkflowRunnerDeps {
  store: StateStore;
  /** The namespace a spec's empty namespace means. */
  namespace(ns: string | undefined): string;
  /** Stops a node's seid (SIGTERM, a grace, SIGKILL) if it runs. */
  stopNode(node: NodeRecord): Promise<void>;
  /** Starts seid on the node's home and marks the record started. */
  startNode(node: NodeRecord): Promise<void>;
}

/**
 * Runs the local mode's workflows. StateSync re-bootstraps an existing
 * follower from a snapshot, as the controller's SeiNodeTaskWorkflow does:
 * stop seid, empty its data (keeping its node key and config), configure
 * state sync, start, wait until caught up. Everything checkable is checked
 * first, so bad input leaves the node untouched; the run goes on in this
 * process with its record on disk.
 */
export class LocalWorkflowRunner implements LocalWorkflowOps {
  readonly #deps: WorkflowRunnerDeps;
  readonly files: RecordFiles<WorkflowRecord>;
  readonly #runs: StoredRuns<WorkflowRecord>;

  constructor(deps: WorkflowRunnerDeps) {
    this.#deps = deps;
    const files = new RecordFiles<WorkflowRecord>(deps.store.root, "workflows", "workflow");
    this.files = files;
    this.#runs = new StoredRuns("workflow", {
      read: (namespace, name) => files.read(namespace, name),
      write: (record) => files.write(record),
      remove: (namespace, name) => files.remove(namespace, name),
      withLock: (fn) => deps.store.withLock(fn),
    });
  }

  /** Checks the target and starts the workflow; returns at once with its handle. */
  async run(spec: WorkflowSpec, options: OpOptions): Promise<Workflow> {
    const { store } = this.#deps;
    const ns = this.#deps.namespace(spec.namespace);
    const stateSync = spec.stateSync;
    if (!stateSync)
      throw new UsageError('A workflow of kind "StateSync" needs `stateSync`.', { field: "stateSync" });
    if (stateSync.migration) {
      throw new UsageError(
        "`stateSync.migration` (GigaStore) is not supported in the local mode: its nodes keep the state store they were made with.",
        { field: "stateSync.migration" },
      );
    }
    const node = await store.readNode(ns, spec.node);
    if (!node) throw new NotFoundError("node", spec.node, { namespace: ns });
    if (node.role !== "follower") {
      throw new UsageError(
        `Node "${node.name}" is a ${node.role} of network "${node.network}": a StateSync workflow re-bootstraps a follower, never a node the network is made of.`,
        { field: "node" },
      );
    }
    const own = [`${node.host}:${node.ports.rpc}`, `localhost:${node.ports.rpc}`];
    const self = stateSync.rpcServers.find((server) => own.includes(server.toLowerCase()));
    if (self) {
      throw new UsageError(
        `\`stateSync.rpcServers\` lists ${self}, the RPC of node "${node.name}" itself: it is down while it re-bootstraps, so it cannot witness. Name other nodes of the network.`,
        { field: "stateSync.rpcServers" },
      );
    }
    const network = await store.readNetwork(node.networkNamespace, node.network);
    if (!network) throw new NotFoundError("network", node.network, { namespace: node.networkNamespace });
    requireSnapshots(network, "stateSync");
    throwIfAborted(options.signal, `creating workflow "${spec.name}"`);
    const record: WorkflowRecord = {
      kind: "workflow",
      name: spec.name,
      namespace: ns,
      spec,
      phase: "Pending",
      runnerPid: process.pid,
      createdAt: new Date().toISOString(),
    };
    await this.#runs.start(record, (signal) => this.#stateSync(record, node, network, signal));
    return new LocalWorkflow(this, record);
  }

  async #step(record: WorkflowRecord, step: string): Promise<void> {
    record.phase = "Running";
    record.step = step;
    log("workflow %s: %s", record.name, step);
    await this.#runs.save(record);
  }

  async #stateSync(
    record: WorkflowRecord,
    target: NodeRecord,
    network: NetworkRecord,
    signal: AbortSignal,
  ): Promise<void> {
    const { store } = this.#deps;
    const resource = `node/${target.name}`;
    let stopped: NodeRecord | undefined;
    try {
      let settings: StateSyncSettings | undefined;
      let earliest = 0;
      for (let attempt = 1; ; attempt++) {
        const again = attempt > 1 ? `attempt ${attempt}: ` : "";
        await this.#step(record, `${again}waiting for a snapshot and reading the trusted block`);
        settings = await prepareStateSync({
          store,
          network,
          rpcServers: record.spec.stateSync?.rpcServers ?? [],
          resource,
          signal,
        });
        await this.#step(
          record,
          `${again}stopping seid and resetting its data (trust height ${settings.trustHeight})`,
        );
        const node = (await store.readNode(target.namespace, target.name)) ?? target;
        stopped = node;
        await this.#deps.stopNode(node);
        await resetNodeData(node.home);
        const configFile = `${node.home}/config/config.toml`;
        await writeFile(configFile, withStateSync(await readFile(configFile, "utf8"), settings));
        node.stateSync = settings;
        await this.#step(record, `${again}starting seid to state-sync`);
        await this.#deps.startNode(node);
        stopped = undefined;
        await this.#step(record, `${again}waiting until the node has restored a snapshot and caught up`);
        try {
          earliest = await this.#caughtUp(node, signal);
          record.attempts = attempt;
          break;
        } catch (err) {
          // seid gave up on this restore and exited: bootstrap again from a fresh reset, as the
          // controller retries a failed step. A deadline or a cancel is final.
          if (attempt >= ATTEMPTS || signal.aborted || !(err instanceof FailedError)) throw err;
          log("workflow %s: state sync attempt %d failed (%s); retrying", record.name, attempt, err.reason);
          const cause = err.logTail?.split("\n").find((line) => /^(Error|panic): /.test(line));
          record.retried = [...(record.retried ?? []), [err.reason, cause].filter(Boolean).join(": ")];
        }
      }
      Object.assign(record, {
        phase: "Complete",
        step: "caught up",
        outputs: { trustHeight: settings.trustHeight, earliestHeight: earliest },
        finishedAt: new Date().toISOString(),
      });
    } catch (err) {
      const e = err as { reason?: string; logTail?: string; message?: string };
      const reason = signal.aborted ? "canceled" : (e.reason ?? e.message ?? String(err));
      log("workflow %s failed: %s", record.name, reason);
      Object.assign(record, {
        phase: "Failed",
        reason,
        ...(e.logTail ? { logTail: e.logTail } : {}),
        finishedAt: new Date().toISOString(),
      });
      // Canceled between stop and start: the node must not be left stopped.
      if (stopped) await this.#deps.startNode(stopped).catch(() => {});
    }
    await this.#runs.save(record).catch(() => {});
  }

  /** Waits (bounded) until the node serves caught up, failing at once if its seid dies. */
  async #caughtUp(node: NodeRecord, cancel: AbortSignal): Promise<number> {
    const signal = AbortSignal.any([cancel, AbortSignal.timeout(CATCH_UP_MS)]);
    const rpc = endpointsOf(node).tendermintRpc;
    return poll<number>(
      async () => {
        const view = await viewNode(this.#deps.store, node);
        if (view.phase === "Failed") {
          throw await failure("node", node.name, view.phase, view.reason, view, this.#deps.store);
        }
        if (!(await stateSynced(node))) return { done: false, note: `node ${view.phase}, not caught up yet` };
        return { done: true, value: await earliestHeight(rpc, { signal }) };
      },
      { signal, interval: 250, what: `waiting for node "${node.name}" to state-sync` },
    );
  }

  /** Reads a workflow back by name, from this process or another. */
  async get(name: string, options: GetOptions): Promise<Workflow> {
    const ns = this.#deps.namespace(options.namespace);
    return new LocalWorkflow(this, await this.#runs.find(ns, name));
  }

  async cancelWorkflow(namespace: string, name: string): Promise<void> {
    await this.#runs.cancel(namespace, name);
  }

  /** Cancels the workflows this process still runs and waits for them. */
  async close(): Promise<void> {
    await this.#runs.close();
  }
}
