import type { Task } from "../client/handles.js";
import type { GetOptions, OpOptions } from "../client/options.js";
import { FailedError } from "../errors/failed.js";
import { throwIfAborted } from "../internal/abort.js";
import { logger } from "../internal/debug.js";
import { sleep } from "../internal/sleep.js";
import type { TaskSpec } from "../specs/types.js";
import { checkTask } from "./checkTask.js";
import { executeTask } from "./executeTask.js";
import { StoredRuns } from "./storedRuns.js";
import { StoredTask, type StoredTaskOps } from "./storedTask.js";
import type { TaskRecord } from "./taskRecord.js";
import type { TaskStore } from "./taskStore.js";
import type { TaskBackend, TaskTarget } from "./taskTarget.js";

const log = logger("tasks");

/**
 * Runs tasks in the calling process with their state in a {@link TaskStore},
 * for the modes that have no controller to run them (local, docker): checks
 * first, so bad input is a typed error and the chain is untouched; then
 * Pending → Running → Complete or Failed, written as it goes, so `getTask`
 * reads a task from any process.
 */
export class TaskRunner<T extends TaskTarget> implements StoredTaskOps {
  readonly store: TaskStore;
  readonly #backend: TaskBackend<T>;
  readonly #tasks: StoredRuns<TaskRecord>;

  constructor(store: TaskStore, backend: TaskBackend<T>) {
    this.store = store;
    this.#backend = backend;
    this.#tasks = new StoredRuns("task", {
      read: (namespace, name) => store.readTask(namespace, name),
      write: (record) => store.writeTask(record),
      remove: (namespace, name) => store.removeTask(namespace, name),
      withLock: (fn) => store.withLock(fn),
    });
  }

  /**
   * Starts a task and returns at once; the run goes on in this process.
   * Everything that can be checked first (the node, the key, chain id, fees,
   * deposit, the proposal voted on, the image or binary) is.
   */
  async run(spec: TaskSpec, options: OpOptions): Promise<Task> {
    const { signal } = options;
    const ns = this.#backend.namespace(spec.namespace);
    throwIfAborted(signal, `starting task "${spec.name}"`);
    const node = await this.#backend.target(ns, spec.node, signal);
    await checkTask(spec, node, this.#backend, signal);
    throwIfAborted(signal, `starting task "${spec.name}"`);
    const record: TaskRecord = {
      kind: "task",
      name: spec.name,
      namespace: ns,
      spec,
      phase: "Pending",
      runnerPid: process.pid,
      createdAt: new Date().toISOString(),
    };
    await this.#tasks.start(record, (signal) => this.#runTask(record, node, signal));
    return new StoredTask(this, record);
  }

  async #runTask(record: TaskRecord, node: T, cancel: AbortSignal): Promise<void> {
    const spec = record.spec;
    const timeout = spec.timeout ? AbortSignal.timeout(spec.timeout) : undefined;
    const signal = timeout ? AbortSignal.any([cancel, timeout]) : cancel;
    const finish = async (patch: Partial<TaskRecord>) => {
      Object.assign(record, patch, { finishedAt: new Date().toISOString() });
      await this.#tasks.save(record);
    };
    try {
      if (spec.requirePhase)
        await this.#requirePhase(node, spec.requirePhase, spec.requirePhaseTimeout, cancel);
      record.phase = "Running";
      await this.store.writeTask(record);
      const outputs = await executeTask(spec, node, this.#backend, signal);
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
    node: T,
    phase: string,
    timeoutMs: number | undefined,
    cancel: AbortSignal,
  ): Promise<void> {
    const deadline = Date.now() + (timeoutMs ?? 5 * 60_000);
    for (;;) {
      const view = await this.#backend.view(node);
      if (view.phase === phase) return;
      if (cancel.aborted || Date.now() > deadline) {
        throw new FailedError(`Node "${node.name}" did not reach phase ${phase}.`, {
          resource: `node/${node.name}`,
          reason: `required phase ${phase} not reached (last seen ${view.phase})`,
        });
      }
      await sleep(200, cancel, `waiting for node "${node.name}" to reach phase ${phase}`).catch(() => {});
    }
  }

  /** Reads a task back by name, from this process or another. */
  async get(name: string, options: GetOptions): Promise<Task> {
    const ns = this.#backend.namespace(options.namespace);
    return new StoredTask(this, await this.#tasks.find(ns, name));
  }

  /** Cancels the task if this process runs it, and removes its record. */
  async cancelTask(namespace: string, name: string): Promise<void> {
    await this.#tasks.cancel(namespace, name);
  }

  /** Cancels the tasks this process still runs (their records say so) and waits for them. */
  async close(): Promise<void> {
    await this.#tasks.close();
  }
}
