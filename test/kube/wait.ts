// Bounded polling for the test cluster: probe until it yields a value, the
// deadline passes, the caller aborts, or `fatal` reports a dead dependency.
import { setTimeout as delay } from "node:timers/promises";

export interface WaitOptions {
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  signal?: AbortSignal;
  /** Checked before every probe; a returned Error ends the wait at once. */
  fatal?: () => Error | undefined;
  /** Extra context for the timeout error (e.g. a log tail). */
  detail?: () => string;
}

export async function waitFor<T>(
  probe: () => Promise<{ done: true; value: T } | { done: false; note?: string }>,
  options: WaitOptions,
): Promise<T> {
  const { what, timeoutMs, intervalMs = 250, signal, fatal, detail } = options;
  const deadline = Date.now() + timeoutMs;
  let note: string | undefined;
  for (;;) {
    signal?.throwIfAborted();
    const dead = fatal?.();
    if (dead) throw dead;
    try {
      const result = await probe();
      if (result.done) return result.value;
      note = result.note;
    } catch (err) {
      note = err instanceof Error ? err.message : String(err);
    }
    const dead2 = fatal?.();
    if (dead2) throw dead2;
    if (Date.now() >= deadline) {
      const extra = detail?.();
      throw new Error(
        `timed out after ${timeoutMs} ms ${what}${note ? ` (last: ${note})` : ""}${extra ? `\n${extra}` : ""}`,
      );
    }
    await delay(intervalMs, undefined, signal ? { signal } : undefined);
  }
}
