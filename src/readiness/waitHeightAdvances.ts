import { TimeoutError } from "../errors/timeout.js";
import { UsageError } from "../errors/usage.js";
import { endpoint } from "./endpoint.js";
import type { WaitOptions } from "./options.js";
import { fetchStatus } from "./status.js";
import { waitFor } from "./wait.js";

/**
 * Waits until a node's height grows by `delta` blocks from where it is now,
 * proving the chain is live rather than just answering.
 * Endpoint failures are retried until `timeout`, which covers reading the start height too.
 *
 * @param tmRpc Tendermint RPC base URL, e.g. `http://127.0.0.1:26657`.
 * @param delta How many blocks to wait for; a positive integer.
 * @returns The start height read first and the height that reached `start + delta`.
 * @throws UsageError on a bad `delta`, before any request; TimeoutError naming the start and last heights.
 *
 * @example
 * ```ts
 * import { waitHeightAdvances } from "seinet";
 * const { start, height } = await waitHeightAdvances("http://127.0.0.1:26657", 3, { timeout: 30_000 });
 * ```
 */
export async function waitHeightAdvances(
  tmRpc: string,
  delta: number,
  options?: WaitOptions,
): Promise<{ start: number; height: number }> {
  if (!Number.isSafeInteger(delta) || delta < 1) {
    throw new UsageError(`delta must be a positive integer, got ${String(delta)}`, { field: "delta" });
  }
  const url = endpoint(tmRpc, "/status").href;
  let start: number | undefined;
  let last: number | undefined;
  try {
    return await waitFor(
      `waiting for ${url} to advance by ${delta} block${delta === 1 ? "" : "s"}`,
      options,
      async (probe) => {
        last = (await fetchStatus(tmRpc, probe)).latestHeight;
        start ??= last;
        if (last >= start + delta) return { done: true, value: { start, height: last } };
        return { done: false, note: `height ${last} (started at ${start}, waiting for ${start + delta})` };
      },
    );
  } catch (err) {
    if (!(err instanceof TimeoutError) || start === undefined) throw err;
    throw new TimeoutError(
      `timed out waiting for ${url}: height did not advance by ${delta} from ${start} (last ${last})`,
      { cause: err, metaMessages: [...err.metaMessages] },
    );
  }
}
