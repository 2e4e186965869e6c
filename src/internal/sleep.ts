import { setTimeout as delay } from "node:timers/promises";
import { abortError } from "./abort.js";

/**
 * Waits `ms`, rejecting with the seinet error for the signal's reason when it
 * aborts. The timer is cleared either way.
 */
export async function sleep(ms: number, signal: AbortSignal | undefined, what: string): Promise<void> {
  try {
    await delay(ms, undefined, { signal });
  } catch (err) {
    if (signal?.aborted) throw abortError(signal, what);
    throw err;
  }
}
