/** Stable machine-readable error codes, one per error class. */
export type ErrorCode = "USAGE" | "TIMEOUT" | "CANCELED" | "NOT_FOUND" | "FAILED" | "CONFLICT" | "INFRA";

/** Options every seinet error accepts. */
export interface SeinetErrorOptions {
  /** The underlying error, kept on `cause` so `walk()` can reach it. */
  cause?: unknown;
  /** Extra lines of context shown under the short message. */
  metaMessages?: string[];
  /** A longer explanation (for example a server's own message). */
  details?: string;
}

/**
 * Base class of every error seinet throws, so one `instanceof` and a stable
 * `code` let callers branch without parsing messages.
 *
 * @example
 * ```ts
 * import { SeinetError } from "seinet";
 * try { await network.waitReady(); } catch (e) {
 *   if (e instanceof SeinetError && e.code === "FAILED") console.error(e.details);
 * }
 * ```
 */
export class SeinetError extends Error {
  /** Stable code; safe to switch on. */
  readonly code: ErrorCode;
  /** The one-line message without details or meta lines. */
  readonly shortMessage: string;
  /** Longer explanation, if any. */
  readonly details: string | undefined;
  /** Context lines rendered under the short message. */
  readonly metaMessages: readonly string[];

  constructor(code: ErrorCode, shortMessage: string, options: SeinetErrorOptions = {}) {
    const lines = [shortMessage];
    if (options.metaMessages?.length) lines.push("", ...options.metaMessages);
    if (options.details) lines.push("", `Details: ${options.details}`);
    super(lines.join("\n"), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "SeinetError";
    this.code = code;
    this.shortMessage = shortMessage;
    this.details = options.details;
    this.metaMessages = options.metaMessages ?? [];
  }

  /**
   * Walks the `cause` chain and returns the deepest error, or the first one the
   * predicate accepts.
   */
  walk(predicate?: (err: unknown) => boolean): unknown {
    let current: unknown = this;
    for (let depth = 0; depth < 32; depth++) {
      if (predicate?.(current)) return current;
      const next = current instanceof Error ? current.cause : undefined;
      if (next === undefined) return predicate ? undefined : current;
      current = next;
    }
    return predicate ? undefined : current;
  }
}
