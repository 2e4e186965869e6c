import type { NodeStatus } from "./nodeStatus.js";
import type { ProbeOptions } from "./options.js";
import { fetchStatus } from "./status.js";

/**
 * One probe of a network a seinet mode made itself: Tendermint answers and the
 * chain has committed its first block, so a harness can transact at once.
 * Throws (a probe that failed) while the height is still 0.
 */
export async function madeBlock(tmRpc: string, options?: ProbeOptions): Promise<NodeStatus> {
  const status = await fetchStatus(tmRpc, options);
  if (status.latestHeight < 1) throw new Error(`${tmRpc} answers, but no block is committed yet`);
  return status;
}
