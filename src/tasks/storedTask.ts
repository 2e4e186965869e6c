import type { Task } from "../client/handles.js";
import type { OpOptions } from "../client/options.js";
import type { TaskKind, TaskOutputs } from "../specs/types.js";
import { StoredRunHandle } from "./storedRunHandle.js";
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
export class StoredTask extends StoredRunHandle<TaskRecord> implements Task {
  constructor(ops: StoredTaskOps, record: TaskRecord) {
    super(
      "task",
      {
        read: (namespace, name) => ops.store.readTask(namespace, name),
        cancel: (namespace, name) => ops.cancelTask(namespace, name),
      },
      record,
    );
  }

  get kind(): TaskKind {
    return this.record.spec.kind;
  }

  get outputs(): TaskOutputs | undefined {
    return this.record.outputs;
  }

  /** Resolves with the outputs once Complete; Failed rejects with the chain's raw log or the node's reason. */
  async wait(options: OpOptions = {}): Promise<TaskOutputs> {
    return (await this.settle(options)).outputs ?? {};
  }
}
