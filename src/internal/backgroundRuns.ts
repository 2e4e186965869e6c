/**
 * The runs (tasks, workflows) a client process carries out after the call
 * that started them has returned: each can be canceled by key, and closing
 * the client cancels them all and waits until they settled, so nothing keeps
 * running, or writing records, behind a closed client.
 */
export class BackgroundRuns {
  readonly #runs = new Map<string, { done: Promise<void>; controller: AbortController }>();

  /** Starts `run` under `key`; it must settle (never reject) once its signal aborts. */
  start(key: string, run: (signal: AbortSignal) => Promise<void>): void {
    const controller = new AbortController();
    const done = run(controller.signal).finally(() => this.#runs.delete(key));
    this.#runs.set(key, { done, controller });
  }

  /** Aborts the run under `key`, if this process runs it, and waits until it settled. */
  async cancel(key: string): Promise<void> {
    const run = this.#runs.get(key);
    if (!run) return;
    run.controller.abort();
    await run.done;
  }

  /** Aborts every run and waits for all of them. */
  async close(): Promise<void> {
    const runs = [...this.#runs.values()];
    for (const run of runs) run.controller.abort();
    await Promise.all(runs.map((run) => run.done));
  }
}
