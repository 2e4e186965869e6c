import { fetchStatus } from "../readiness/status.js";
import { waitFor } from "../readiness/wait.js";

/** How long a validator may take to reach a height its peers already made. */
const CATCH_UP_MS = 60_000;

/**
 * Waits until a node has committed `height`: a validator a few blocks behind
 * the proposer must hold the proposal before it votes on it (its vote task
 * checks that the proposal exists, on its own REST).
 */
export async function waitAtHeight(tmRpc: string, height: number, signal?: AbortSignal): Promise<void> {
  await waitFor(
    `waiting for ${tmRpc} to reach height ${height}`,
    { timeout: CATCH_UP_MS, interval: 100, ...(signal ? { signal } : {}) },
    async (probe) => {
      const at = (await fetchStatus(tmRpc, probe)).latestHeight;
      return at >= height ? { done: true, value: undefined } : { done: false, note: `height ${at}` };
    },
  );
}
