import { endpoint } from "./endpoint.js";
import type { NodeStatus } from "./nodeStatus.js";
import type { WaitOptions } from "./options.js";
import { fetchStatus } from "./status.js";
import { waitFor } from "./wait.js";

/**
 * Waits until a node produces or follows blocks (height above 1) and is no
 * longer catching up, so a test does not run against a node still syncing.
 * Endpoint failures are retried until `timeout`; the TimeoutError says what was last seen.
 *
 * @param tmRpc Tendermint RPC base URL, e.g. `http://127.0.0.1:26657`.
 * @returns The status that passed.
 *
 * @example
 * ```ts
 * import { waitCaughtUp } from "seinet";
 * const status = await waitCaughtUp("http://127.0.0.1:26657", { timeout: 60_000 });
 * ```
 */
export async function waitCaughtUp(tmRpc: string, options?: WaitOptions): Promise<NodeStatus> {
  const url = endpoint(tmRpc, "/status").href;
  return waitFor(`waiting for ${url} to catch up`, options, async (probe) => {
    const status = await fetchStatus(tmRpc, probe);
    if (status.latestHeight > 1 && !status.catchingUp) return { done: true, value: status };
    return { done: false, note: `height ${status.latestHeight}, catching_up ${status.catchingUp}` };
  });
}
