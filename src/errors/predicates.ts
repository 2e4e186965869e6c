import { SeinetError } from "./base.js";

function hasCode(err: unknown, code: SeinetError["code"]): boolean {
  return err instanceof SeinetError && err.code === code;
}

/**
 * True when a deadline passed (not when the caller aborted).
 *
 * @example
 * ```ts
 * import { isTimeout } from "seinet";
 * await net.waitReady({ signal: AbortSignal.timeout(1000) }).catch((e) => isTimeout(e));
 * ```
 */
export function isTimeout(err: unknown): boolean {
  return hasCode(err, "TIMEOUT");
}

/** True when the caller aborted through its AbortSignal. */
export function isCanceled(err: unknown): boolean {
  return hasCode(err, "CANCELED");
}

/** True when the looked-up resource does not exist. */
export function isNotFound(err: unknown): boolean {
  return hasCode(err, "NOT_FOUND");
}

/** True when the resource reached a terminal failure. */
export function isFailed(err: unknown): boolean {
  return hasCode(err, "FAILED");
}
