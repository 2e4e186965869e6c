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

/** Polling interval of waits, ms: reading a pid and a record, or one inspect, is cheap. */
const INTERVAL_MS = 200;

/**
 * Waits until `check` says ready and then `probe` answers, re-checking the
 * runtime on every turn, so a seid that dies mid-wait rejects the wait within
 * one interval instead of at the deadline.
 *
 * A referenced timer keeps the process alive meanwhile: right after a
 * container starts, docker-proxy may accept a connection to a published port
 * and never answer, and the request's and the caller's deadlines are
 * unreferenced timers, so Node would otherwise exit mid-wait with the promise
 * unsettled.
 */
export async function waitServing(options: {
  signal: AbortSignal | undefined;
  what: string;
  check: () => Promise<Check>;
  probe: (signal: AbortSignal) => Promise<unknown>;
}): Promise<void> {
  const signal = options.signal ?? AbortSignal.timeout(DEFAULT_WAIT_READY_MS);
  const keepAlive = setInterval(() => {}, 60_000);
  try {
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
  } finally {
    clearInterval(keepAlive);
  }
}
