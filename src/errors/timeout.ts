import { SeinetError, type SeinetErrorOptions } from "./base.js";

/**
 * A deadline passed before the awaited state was reached. Distinct from
 * {@link CanceledError}: the caller did not abort, time ran out.
 *
 * @example
 * ```ts
 * import { isTimeout } from "seinet";
 * try { await node.waitReady({ signal: AbortSignal.timeout(60_000) }); }
 * catch (e) { if (isTimeout(e)) console.error(e.message); }
 * ```
 */
export class TimeoutError extends SeinetError {
  constructor(message: string, options: SeinetErrorOptions = {}) {
    super("TIMEOUT", message, options);
    this.name = "TimeoutError";
  }
}
