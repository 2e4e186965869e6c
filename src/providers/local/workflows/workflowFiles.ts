import { mkdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { InfraError } from "../../../errors/infra.js";
import { atomicWrite } from "../../../internal/atomicWrite.js";
import type { WorkflowRecord } from "./workflowRecord.js";

/**
 * Workflow records as JSON files beside the tasks, `<root>/<namespace>/
 * workflows/<name>.json`, written atomically (temp file, then rename) so a
 * reader in another process sees the old record or the new one, never half.
 */
export class WorkflowFiles {
  constructor(readonly root: string) {}

  file(namespace: string, name: string): string {
    return join(this.root, namespace, "workflows", `${name}.json`);
  }

  async read(namespace: string, name: string): Promise<WorkflowRecord | undefined> {
    const path = this.file(namespace, name);
    try {
      return JSON.parse(await readFile(path, "utf8")) as WorkflowRecord;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw new InfraError(`Cannot read seinet workflow file ${path}.`, { cause: err });
    }
  }

  async write(record: WorkflowRecord): Promise<void> {
    const path = this.file(record.namespace, record.name);
    await mkdir(join(this.root, record.namespace, "workflows"), { recursive: true });
    await atomicWrite(path, `${JSON.stringify(record, null, 2)}\n`);
  }

  async remove(namespace: string, name: string): Promise<void> {
    await rm(this.file(namespace, name), { force: true });
  }
}
