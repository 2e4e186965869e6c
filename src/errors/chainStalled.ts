import type { SeinetErrorOptions } from "./base.js";
import { TimeoutError } from "./timeout.js";

/** What a {@link ChainStalledError} carries beyond its message. */
export interface ChainStalledFields {
  /** The chain's height when the wait began. */
  fromHeight: number | undefined;
  /** The height it stopped at (the highest any endpoint reported). */
  height: number | undefined;
  /** How long no endpoint saw a new block, ms. */
  stalledMs: number;
  /** The nodes the caller said were perturbed, as given. */
  nodesDown: readonly string[];
}

/**
 * The chain stopped committing: no new block within the stall bound. A
 * TimeoutError (`isTimeout` holds), so a stall when too much voting power is
 * out is told apart from a crash, and carries the heights.
 *
 * @example
 * ```ts
 * import { ChainStalledError, waitChainAdvances } from "seinet";
 * try { await waitChainAdvances(rpcs, { blocks: 3 }); }
 * catch (e) { if (e instanceof ChainStalledError) console.error(`stuck at ${e.height}`); }
 * ```
 */
export class ChainStalledError extends TimeoutError {
  readonly fromHeight: number | undefined;
  readonly height: number | undefined;
  readonly stalledMs: number;
  readonly nodesDown: readonly string[];

  constructor(message: string, fields: ChainStalledFields, options: SeinetErrorOptions = {}) {
    super(message, options);
    this.name = "ChainStalledError";
    this.fromHeight = fields.fromHeight;
    this.height = fields.height;
    this.stalledMs = fields.stalledMs;
    this.nodesDown = [...fields.nodesDown];
  }
}
