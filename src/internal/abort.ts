import { SeinetError } from "../errors/base.js";
import { CanceledError } from "../errors/canceled.js";
import { TimeoutError } from "../errors/timeout.js";

/** True when an abort reason came from a deadline (`AbortSignal.timeout`). */
export function isDeadlineReason(reason: unknown): boolean {
  return (
    reason instanceof TimeoutError ||
    (typeof reason === "object" && reason !== null && (reason as { name?: unknown }).name === "TimeoutError")
  );
}

/**
 * Turns an aborted signal into the matching seinet error: a deadline becomes a
 * TimeoutError, anything else a CanceledError. `what` names the operation.
 */
export function abortError(signal: AbortSignal, what: string, metaMessages?: string[]): SeinetError {
  const reason: unknown = signal.reason;
  if (reason instanceof SeinetError) return reason;
  if (isDeadlineReason(reason)) {
    return new TimeoutError(`timed out ${what}`, { cause: reason, metaMessages });
  }
  return new CanceledError(`canceled ${what}`, { cause: reason, metaMessages });
}

/** Throws the seinet error for an already-aborted signal; returns otherwise. */
export function throwIfAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw abortError(signal, what);
}
