import { mkdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { InfraError } from "../errors/infra.js";
import { atomicWrite } from "../internal/atomicWrite.js";
import { withDirLock } from "../internal/dirLock.js";
import type { TaskRecord } from "./taskRecord.js";
import type { TaskStore } from "./taskStore.js";

/**
 * Task records as JSON files, `<root>/<namespace>/tasks/<name>.json`: atomic
 * writes and a directory lock make them safe to share between processes on
 * one machine, which is where a task's runner lives.
 */
export class FileTaskStore implements TaskStore {
  constructor(readonly root: string) {}

  /** Path of a task's record, for messages and for tests that inspect it. */
  taskFile(namespace: string, name: string): string {
    return join(this.root, namespace, "tasks", `${name}.json`);
  }

  async readTask(namespace: string, name: string): Promise<TaskRecord | undefined> {
    const path = this.taskFile(namespace, name);
    try {
      return JSON.parse(await readFile(path, "utf8")) as TaskRecord;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw new InfraError(`Cannot read seinet task file ${path}.`, { cause: err });
    }
  }

  async writeTask(record: TaskRecord): Promise<void> {
    await mkdir(join(this.root, record.namespace, "tasks"), { recursive: true });
    await atomicWrite(this.taskFile(record.namespace, record.name), `${JSON.stringify(record, null, 2)}\n`);
  }

  async removeTask(namespace: string, name: string): Promise<void> {
    await rm(this.taskFile(namespace, name), { force: true });
  }

  withLock<T>(fn: () => Promise<T>): Promise<T> {
    return withDirLock(this.root, fn);
  }
}
