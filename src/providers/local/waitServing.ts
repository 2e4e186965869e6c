import { DEFAULT_WAIT_READY_MS } from "../../client/defaults.js";
import type { FailedError } from "../../errors/failed.js";
import { poll } from "../../internal/poll.js";

/** One look at a resource during a wait. */
export interface Check {
  ready: boolean;
  /** Set when waiting longer cannot help: the wait rejects with it at once. */
  failed?: FailedError | undefined;
  /** What was seen, for the timeout message. */
  note?: string | undefined;
}

/** Polling interval of local waits, ms: reading a pid and a record is cheap. */
const INTERVAL_MS = 200;

/**
 * Waits until `check` says ready and then `probe` answers, re-checking the
 * process table on every turn, so a seid that dies mid-wait rejects the wait
 * within one interval instead of at the deadline.
 */
export async function waitServing(options: {
  signal: AbortSignal | undefined;
  what: string;
  check: () => Promise<Check>;
  probe: (signal: AbortSignal) => Promise<unknown>;
}): Promise<void> {
  const signal = options.signal ?? AbortSignal.timeout(DEFAULT_WAIT_READY_MS);
  await poll<void>(
    async (s) => {
      const c = await options.check();
      if (c.failed) throw c.failed;
      if (!c.ready) return { done: false, note: c.note };
      try {
        await options.probe(s);
        return { done: true, value: undefined };
      } catch (err) {
        if (s.aborted) throw err;
        return { done: false, note: (err as Error).message };
      }
    },
    { signal, interval: INTERVAL_MS, what: options.what },
  );
}
