import { fetchStatus } from "../../../readiness/status.js";
import { endpointsOf } from "../endpoints.js";
import type { NodeRecord } from "../records.js";

/**
 * True once a state-syncing node has restored its snapshot and caught up:
 * its RPC (served only after the restore) answers with a height and
 * `catching_up: false`. Until then its seid runs but it is Initializing, as
 * a SeiNode bootstrapping from a snapshot is.
 */
export async function stateSynced(record: NodeRecord): Promise<boolean> {
  const rpc = endpointsOf(record).tendermintRpc;
  if (!rpc) return false;
  try {
    const status = await fetchStatus(rpc, { requestTimeout: 1_000 });
    return !status.catchingUp && status.latestHeight > 0;
  } catch {
    return false;
  }
}
