import { SeinetError, type SeinetErrorOptions } from "./base.js";

/**
 * The backend itself is missing or unreachable: no seid binary, no Docker
 * daemon, no API server. The message says what to do about it.
 *
 * @example
 * ```ts
 * import { InfraError, open } from "seinet";
 * const client = await open("k8s").catch((e) => { if (e instanceof InfraError) console.error(e.shortMessage); throw e; });
 * ```
 */
export class InfraError extends SeinetError {
  constructor(message: string, options: SeinetErrorOptions = {}) {
    super("INFRA", message, options);
    this.name = "InfraError";
  }
}
