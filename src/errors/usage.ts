import { SeinetError, type SeinetErrorOptions } from "./base.js";

/**
 * Bad input, reported before any side effect: nothing was created.
 *
 * @example
 * ```ts
 * import { UsageError } from "seinet";
 * try { await client.createNetwork({ name: "Bad_Name", validators: 1 }); }
 * catch (e) { if (e instanceof UsageError) console.error(e.field, e.shortMessage); }
 * ```
 */
export class UsageError extends SeinetError {
  /** The offending field as a dotted path (e.g. `stateSync.rpcServers[1]`), when one is to blame. */
  readonly field: string | undefined;

  constructor(message: string, options: SeinetErrorOptions & { field?: string } = {}) {
    super("USAGE", message, options);
    this.name = "UsageError";
    this.field = options.field;
  }
}
