import { UsageError } from "../errors/usage.js";

/** Options of a single readiness probe (one HTTP request). */
export interface ProbeOptions {
  /** Aborts the request: an aborted controller gives CanceledError, a deadline TimeoutError. */
  signal?: AbortSignal;
  /** Deadline of each HTTP request in ms, so a hung endpoint cannot stall a wait. Default 2000. */
  requestTimeout?: number;
}

/** Options of a readiness wait (a probe repeated until it passes). */
export interface WaitOptions extends ProbeOptions {
  /** Pause between probes in ms. Default 250. */
  interval?: number;
  /** Overall deadline in ms, applied in addition to `signal`; ends in TimeoutError. Default 120000. */
  timeout?: number;
}

/** Default per-request deadline, ms. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 2_000;
/** Default pause between probes, ms. */
export const DEFAULT_INTERVAL_MS = 250;
/** Default overall deadline of a wait, ms. */
export const DEFAULT_WAIT_TIMEOUT_MS = 120_000;

/** Longest delay a Node timer honours; longer ones fire after 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Probe options with defaults applied and durations checked. */
export interface ResolvedProbeOptions {
  signal: AbortSignal | undefined;
  requestTimeout: number;
}

/** Wait options with defaults applied; `timeout` is undefined for "no deadline". */
export interface ResolvedWaitOptions extends ResolvedProbeOptions {
  interval: number;
  timeout: number | undefined;
}

function duration(value: number | undefined, fallback: number, field: string, allowZero: boolean): number {
  if (value === undefined) return fallback;
  const ok = typeof value === "number" && !Number.isNaN(value) && (allowZero ? value >= 0 : value > 0);
  if (!ok) {
    throw new UsageError(`${field} must be a ${allowZero ? "non-negative" : "positive"} number of ms`, {
      field,
    });
  }
  return Math.min(Math.ceil(value), MAX_TIMER_MS);
}

/** Applies the defaults of {@link ProbeOptions}; throws UsageError on a bad duration. */
export function resolveProbeOptions(options: ProbeOptions = {}): ResolvedProbeOptions {
  return {
    signal: options.signal,
    requestTimeout: duration(options.requestTimeout, DEFAULT_REQUEST_TIMEOUT_MS, "requestTimeout", false),
  };
}

/**
 * Applies the defaults of {@link WaitOptions}; throws UsageError on a bad
 * duration. A `timeout` of Infinity (or beyond what a timer can hold) means
 * no overall deadline.
 */
export function resolveWaitOptions(options: WaitOptions = {}): ResolvedWaitOptions {
  const timeout = options.timeout;
  const unbounded = timeout !== undefined && timeout > MAX_TIMER_MS;
  return {
    ...resolveProbeOptions(options),
    interval: duration(options.interval, DEFAULT_INTERVAL_MS, "interval", true),
    timeout: unbounded ? undefined : duration(timeout, DEFAULT_WAIT_TIMEOUT_MS, "timeout", false),
  };
}
