import { DEFAULT_WAIT_READY_MS } from "../client/defaults.js";
import type { Task } from "../client/handles.js";
import type { DeleteOptions, OpOptions } from "../client/options.js";
import type { TaskKind, TaskOutputs, TaskPhase } from "../specs/types.js";
import { settled, waitStoredRun } from "./storedRun.js";
import type { TaskRecord } from "./taskRecord.js";
import type { TaskStore } from "./taskStore.js";

/** What a stored task's handle needs from the runner that made it. */
export interface StoredTaskOps {
  readonly store: TaskStore;
  cancelTask(namespace: string, name: string): Promise<void>;
}

/**
 * A one-shot task run in a client process (local and docker modes), read from
 * its stored record, so a handle from `getTask` in another process sees the
 * same phase and outputs as the one `runTask` returned.
 */
export class StoredTask implements Task {
  readonly name: string;
  readonly namespace: string;
  #record: TaskRecord;
  readonly #ops: StoredTaskOps;

  constructor(ops: StoredTaskOps, record: TaskRecord) {
    this.#ops = ops;
    this.#record = settled(record);
    this.name = record.name;
    this.namespace = record.namespace;
  }

  get kind(): TaskKind {
    return this.#record.spec.kind;
  }

  get phase(): TaskPhase {
    return this.#record.phase;
  }

  get outputs(): TaskOutputs | undefined {
    return this.#record.outputs;
  }

  object(): unknown {
    return structuredClone(this.#record);
  }

  async refresh(): Promise<void> {
    const record = await this.#ops.store.readTask(this.namespace, this.name);
    if (record) this.#record = settled(record);
  }

  /** Resolves with the outputs once Complete; Failed rejects with the chain's raw log or the node's reason. */
  async wait(options: OpOptions = {}): Promise<TaskOutputs> {
    const signal = options.signal ?? AbortSignal.timeout(DEFAULT_WAIT_READY_MS);
    await waitStoredRun(
      "task",
      this.name,
      async () => {
        await this.refresh();
        return this.#record;
      },
      signal,
    );
    return this.#record.outputs ?? {};
  }

  /** Cancels the task if this process runs it, and removes its record. */
  async delete(_options: DeleteOptions = {}): Promise<void> {
    await this.#ops.cancelTask(this.namespace, this.name);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.delete();
  }
}
