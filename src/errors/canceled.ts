import { SeinetError, type SeinetErrorOptions } from "./base.js";

/**
 * The caller aborted the operation through its AbortSignal. Distinct from
 * {@link TimeoutError}, so Ctrl-C and a deadline can be told apart.
 *
 * @example
 * ```ts
 * import { isCanceled } from "seinet";
 * const ac = new AbortController();
 * setTimeout(() => ac.abort(), 10);
 * await network.waitReady({ signal: ac.signal }).catch((e) => isCanceled(e));
 * ```
 */
export class CanceledError extends SeinetError {
  constructor(message: string, options: SeinetErrorOptions = {}) {
    super("CANCELED", message, options);
    this.name = "CanceledError";
  }
}
