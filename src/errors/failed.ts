import { SeinetError, type SeinetErrorOptions } from "./base.js";

/** What a {@link FailedError} carries beyond its message. */
export interface FailedErrorFields {
  /** `kind/name` of the resource that failed, e.g. `network/devnet`. */
  resource: string;
  /** The phase the resource reached (usually `Failed`). */
  phase?: string;
  /** The runtime's reason, verbatim (a status condition, an exit description). */
  reason?: string;
  /** A node process's exit code, where there is one. */
  exitCode?: number;
  /** The last lines of the node's log, where there is one. */
  logTail?: string;
}

/**
 * The resource reached a terminal failure, so waiting longer cannot help.
 * Carries the reason and, where there is one, the node's log tail.
 *
 * @example
 * ```ts
 * import { isFailed } from "seinet";
 * try { await network.waitReady(); } catch (e) { if (isFailed(e)) console.error(e.reason, e.logTail); }
 * ```
 */
export class FailedError extends SeinetError {
  readonly resource: string;
  readonly phase: string | undefined;
  readonly reason: string | undefined;
  readonly exitCode: number | undefined;
  readonly logTail: string | undefined;

  constructor(message: string, fields: FailedErrorFields, options: SeinetErrorOptions = {}) {
    const meta = [...(options.metaMessages ?? [])];
    if (fields.reason) meta.push(`Reason: ${fields.reason}`);
    if (fields.exitCode !== undefined) meta.push(`Exit code: ${fields.exitCode}`);
    if (fields.logTail) meta.push("Log tail:", fields.logTail);
    super("FAILED", message, { ...options, metaMessages: meta });
    this.name = "FailedError";
    this.resource = fields.resource;
    this.phase = fields.phase;
    this.reason = fields.reason;
    this.exitCode = fields.exitCode;
    this.logTail = fields.logTail;
  }
}
