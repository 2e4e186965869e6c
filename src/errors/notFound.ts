import { SeinetError, type SeinetErrorOptions } from "./base.js";

/**
 * The named resource does not exist in the runtime (process table, Docker
 * daemon or API server).
 *
 * @example
 * ```ts
 * import { isNotFound } from "seinet";
 * const net = await client.getNetwork("devnet").catch((e) => (isNotFound(e) ? undefined : Promise.reject(e)));
 * ```
 */
export class NotFoundError extends SeinetError {
  /** What kind of resource was looked up (`network`, `node`, `task`, `workflow`). */
  readonly kind: string;
  /** The name looked up. */
  readonly resource: string;
  /** The namespace looked in, where the mode has one. */
  readonly namespace: string | undefined;

  constructor(kind: string, resource: string, options: SeinetErrorOptions & { namespace?: string } = {}) {
    const where = options.namespace ? ` in namespace "${options.namespace}"` : "";
    super("NOT_FOUND", `${kind} "${resource}" not found${where}`, options);
    this.name = "NotFoundError";
    this.kind = kind;
    this.resource = resource;
    this.namespace = options.namespace;
  }
}
