import { DEFAULT_WAIT_READY_MS } from "../client/defaults.js";
import type { DeleteOptions, OpOptions } from "../client/options.js";
import type { TaskPhase } from "../specs/types.js";
import { type StoredRun, settled, waitStoredRun } from "./storedRun.js";

/** How a stored run's handle reads its record back and cancels it: its runner's verbs. */
export interface StoredRunAccess<R> {
  read(namespace: string, name: string): Promise<R | undefined>;
  /** Cancels the run if this process runs it, and removes its record. */
  cancel(namespace: string, name: string): Promise<void>;
}

/**
 * What the handles of tasks and workflows run in a client process share:
 * each reads its record back from the store, so a handle from `get*` in
 * another process sees the same phase; a runner gone while its run was
 * unfinished reads as Failed. The subclasses add their kind and what `wait`
 * resolves with.
 */
export abstract class StoredRunHandle<R extends StoredRun & { namespace: string }> {
  readonly name: string;
  readonly namespace: string;
  #record: R;
  readonly #kind: "task" | "workflow";
  readonly #access: StoredRunAccess<R>;

  constructor(kind: "task" | "workflow", access: StoredRunAccess<R>, record: R) {
    this.#kind = kind;
    this.#access = access;
    this.#record = settled(record);
    this.name = record.name;
    this.namespace = record.namespace;
  }

  /** The record as last read. */
  protected get record(): R {
    return this.#record;
  }

  get phase(): TaskPhase {
    return this.#record.phase;
  }

  object(): unknown {
    return structuredClone(this.#record);
  }

  async refresh(): Promise<void> {
    const record = await this.#access.read(this.namespace, this.name);
    if (record) this.#record = settled(record);
  }

  /** Resolves with the record once Complete; Failed rejects with its reason and log tail. */
  protected async settle(options: OpOptions): Promise<R> {
    const signal = options.signal ?? AbortSignal.timeout(DEFAULT_WAIT_READY_MS);
    await waitStoredRun(
      this.#kind,
      this.name,
      async () => {
        await this.refresh();
        return this.#record;
      },
      signal,
    );
    return this.#record;
  }

  /** Cancels the run if this process runs it, and removes its record; safe to call twice. */
  async delete(_options: DeleteOptions = {}): Promise<void> {
    await this.#access.cancel(this.namespace, this.name);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.delete();
  }
}
