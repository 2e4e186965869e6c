import { SeinetError, type SeinetErrorOptions } from "./base.js";

/**
 * The write collided with someone else's: another field manager owns the
 * field, or a resource of that name exists with an incompatible spec.
 *
 * @example
 * ```ts
 * import { ConflictError } from "seinet";
 * await client.createNetwork(spec).catch((e) => { if (e instanceof ConflictError) console.error(e.details); throw e; });
 * ```
 */
export class ConflictError extends SeinetError {
  constructor(message: string, options: SeinetErrorOptions = {}) {
    super("CONFLICT", message, options);
    this.name = "ConflictError";
  }
}
