import type { Check } from "../local/waitServing.js";
import { waitServing } from "../local/waitServing.js";

/** Per-request bound of a readiness probe through a published port, ms. */
export const PROBE_REQUEST_MS = 1_000;

/**
 * {@link waitServing} that keeps the process alive while it waits. Right after
 * a container starts, docker-proxy may accept a connection to a published port
 * and never answer; the request's and the caller's deadlines are unreferenced
 * timers, so without a referenced one Node would exit mid-wait with the
 * promise unsettled.
 */
export async function waitContainers(options: {
  signal: AbortSignal | undefined;
  what: string;
  check: () => Promise<Check>;
  probe: (signal: AbortSignal) => Promise<unknown>;
}): Promise<void> {
  const keepAlive = setInterval(() => {}, 60_000);
  try {
    await waitServing(options);
  } finally {
    clearInterval(keepAlive);
  }
}
