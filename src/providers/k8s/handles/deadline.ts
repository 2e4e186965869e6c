import { DEFAULT_WAIT_READY_MS } from "../../../client/defaults.js";

/** The caller's signal, or the default waitReady deadline when none was given. */
export function waitSignal(signal: AbortSignal | undefined): AbortSignal {
  return signal ?? AbortSignal.timeout(DEFAULT_WAIT_READY_MS);
}
