import type { TaskRecord } from "./taskRecord.js";

/**
 * Where a mode keeps its task records: the local mode in its state root, the
 * docker mode in a host directory of its own. The runner needs only these
 * four verbs, so one runner serves both.
 */
export interface TaskStore {
  readTask(namespace: string, name: string): Promise<TaskRecord | undefined>;
  /** Writes atomically: a reader sees the old record or the new one, never half. */
  writeTask(record: TaskRecord): Promise<void>;
  /** Removes a record; a missing one is success. */
  removeTask(namespace: string, name: string): Promise<void>;
  /** Runs `fn` holding a lock every process that shares this store respects. */
  withLock<T>(fn: () => Promise<T>): Promise<T>;
}
