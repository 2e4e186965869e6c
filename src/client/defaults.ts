/** Deadline of a `waitReady` given no signal, so a forgotten signal cannot hang a CI job forever. */
export const DEFAULT_WAIT_READY_MS = 15 * 60_000;
