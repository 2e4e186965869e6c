import { abortError } from "./abort.js";
import { sleep } from "./sleep.js";

/** One probe's verdict: done with a value, or not yet with a note for the error. */
export type PollResult<T> = { done: true; value: T } | { done: false; note?: string };

/** Options of {@link poll}. */
export interface PollOptions {
  /** Bounds the whole wait; its reason decides timeout vs canceled. */
  signal: AbortSignal;
  /** Pause between probes, ms. */
  interval: number;
  /** Names the wait in errors, e.g. `waiting for http://… to catch up`. */
  what: string;
}

/**
 * Calls `probe` until it reports done or the signal aborts. The last note a
 * probe gave is attached to the timeout or cancel error, so a failed wait says
 * what it last saw. A probe that throws a non-retryable error ends the wait.
 */
export async function poll<T>(
  probe: (signal: AbortSignal) => Promise<PollResult<T>>,
  options: PollOptions,
): Promise<T> {
  const { signal, interval, what } = options;
  let lastNote: string | undefined;
  const meta = () => (lastNote ? [`Last seen: ${lastNote}`] : undefined);
  for (;;) {
    if (signal.aborted) throw abortError(signal, what, meta());
    let result: PollResult<T>;
    try {
      result = await probe(signal);
    } catch (err) {
      if (signal.aborted) throw abortError(signal, what, meta());
      throw err;
    }
    if (result.done) return result.value;
    if (result.note !== undefined) lastNote = result.note;
    try {
      await sleep(interval, signal, what);
    } catch {
      throw abortError(signal, what, meta());
    }
  }
}
