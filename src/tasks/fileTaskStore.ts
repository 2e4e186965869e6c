import { withDirLock } from "../internal/dirLock.js";
import { RecordFiles } from "./recordFiles.js";
import type { TaskRecord } from "./taskRecord.js";
import type { TaskStore } from "./taskStore.js";

/**
 * Task records as JSON files, `<root>/<namespace>/tasks/<name>.json`: atomic
 * writes and a directory lock make them safe to share between processes on
 * one machine, which is where a task's runner lives.
 */
export class FileTaskStore implements TaskStore {
  readonly #files: RecordFiles<TaskRecord>;

  constructor(readonly root: string) {
    this.#files = new RecordFiles(root, "tasks", "task");
  }

  /** Path of a task's record, for messages and for tests that inspect it. */
  taskFile(namespace: string, name: string): string {
    return this.#files.file(namespace, name);
  }

  readTask(namespace: string, name: string): Promise<TaskRecord | undefined> {
    return this.#files.read(namespace, name);
  }

  writeTask(record: TaskRecord): Promise<void> {
    return this.#files.write(record);
  }

  removeTask(namespace: string, name: string): Promise<void> {
    return this.#files.remove(namespace, name);
  }

  withLock<T>(fn: () => Promise<T>): Promise<T> {
    return withDirLock(this.root, fn);
  }
}
