/** Deadline of a `waitReady` given no signal, so a forgotten signal cannot hang a CI job forever. */
export const DEFAULT_WAIT_READY_MS = 15 * 60_000;

/** Per-request deadline of a serve probe, so a hung endpoint cannot stall a wait. */
export const PROBE_REQUEST_TIMEOUT_MS = 2_000;

/** Pause between serve probes. */
export const PROBE_INTERVAL_MS = 250;
