import { mkdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { InfraError } from "../errors/infra.js";
import { atomicWrite } from "../internal/atomicWrite.js";

/**
 * Records of one kind as JSON files, `<root>/<namespace>/<folder>/<name>.json`,
 * written atomically (temp file, then rename) so a reader in another process
 * sees the old record or the new one, never half. Tasks and workflows are
 * stored this way, side by side under one root.
 */
export class RecordFiles<R extends { namespace: string; name: string }> {
  /**
   * @param folder The directory of this kind in each namespace (`tasks`, `workflows`).
   * @param what The kind in messages (`task`, `workflow`).
   */
  constructor(
    readonly root: string,
    readonly folder: string,
    readonly what: string,
  ) {}

  /** Path of a record, for messages and for tests that inspect it. */
  file(namespace: string, name: string): string {
    return join(this.root, namespace, this.folder, `${name}.json`);
  }

  /** The record, or undefined when there is none; an unreadable file is an InfraError. */
  async read(namespace: string, name: string): Promise<R | undefined> {
    const path = this.file(namespace, name);
    try {
      return JSON.parse(await readFile(path, "utf8")) as R;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw new InfraError(`Cannot read seinet ${this.what} file ${path}.`, { cause: err });
    }
  }

  async write(record: R): Promise<void> {
    await mkdir(join(this.root, record.namespace, this.folder), { recursive: true });
    await atomicWrite(this.file(record.namespace, record.name), `${JSON.stringify(record, null, 2)}\n`);
  }

  /** Removes a record; a missing one is success. */
  async remove(namespace: string, name: string): Promise<void> {
    await rm(this.file(namespace, name), { force: true });
  }
}
