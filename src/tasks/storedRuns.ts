import { ConflictError } from "../errors/conflict.js";
import { NotFoundError } from "../errors/notFound.js";
import { BackgroundRuns } from "../internal/backgroundRuns.js";

/** Where a runner keeps its records, under a lock every process sharing them respects. */
export interface RunRecords<R> {
  read(namespace: string, name: string): Promise<R | undefined>;
  /** Writes atomically: a reader sees the old record or the new one, never half. */
  write(record: R): Promise<void>;
  /** Removes a record; a missing one is success. */
  remove(namespace: string, name: string): Promise<void>;
  withLock<T>(fn: () => Promise<T>): Promise<T>;
}

/**
 * The life of runs (tasks, workflows) carried out in a client process with
 * their records in a store: a name taken once per namespace, a record kept up
 * to date unless it was deleted meanwhile, read back from any process, and a
 * delete that cancels the run if this process carries it out. The task and
 * workflow runners differ only in what a run does.
 */
export class StoredRuns<R extends { namespace: string; name: string }> {
  readonly #kind: "task" | "workflow";
  readonly #records: RunRecords<R>;
  /** Runs this process carries out: their settling promise and a way to cancel them. */
  readonly #runs = new BackgroundRuns();

  constructor(kind: "task" | "workflow", records: RunRecords<R>) {
    this.#kind = kind;
    this.#records = records;
  }

  /**
   * Writes a new record and starts `run` in this process; a name already
   * taken in the namespace is a ConflictError and nothing starts. `run` must
   * settle (never reject) once its signal aborts.
   */
  async start(record: R, run: (signal: AbortSignal) => Promise<void>): Promise<void> {
    await this.#records.withLock(async () => {
      if (await this.#records.read(record.namespace, record.name)) {
        throw new ConflictError(
          `A ${this.#kind} named "${record.name}" already exists in namespace "${record.namespace}".`,
        );
      }
      await this.#records.write(record);
    });
    this.#runs.start(`${record.namespace}/${record.name}`, run);
  }

  /** Writes a run's new state, unless its record was deleted meanwhile: a deleted run stays deleted. */
  async save(record: R): Promise<void> {
    if (await this.#records.read(record.namespace, record.name)) await this.#records.write(record);
  }

  /** The record of a run, from this process or another; NotFoundError when there is none. */
  async find(namespace: string, name: string): Promise<R> {
    const record = await this.#records.read(namespace, name);
    if (!record) throw new NotFoundError(this.#kind, name, { namespace });
    return record;
  }

  /** Cancels the run if this process carries it out, and removes its record. */
  async cancel(namespace: string, name: string): Promise<void> {
    await this.#runs.cancel(`${namespace}/${name}`);
    await this.#records.remove(namespace, name);
  }

  /** Cancels the runs this process still carries out and waits until they settled. */
  async close(): Promise<void> {
    await this.#runs.close();
  }
}
