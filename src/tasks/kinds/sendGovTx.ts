import { FailedError } from "../../errors/failed.js";
import type { GovTxSpec } from "../../specs/types.js";
import { type IncludedTx, broadcastTx } from "../seidTx.js";
import type { TaskTarget } from "../taskTarget.js";
import type { TaskContext } from "./taskContext.js";

/**
 * Signs and broadcasts one gov tx from the task's node: `seid tx <args>` with
 * the payload's fees and gas, then `flags`, then its memo as `--note`, signed
 * by its `keyName` (the node's own key when empty). Every gov kind sends
 * through here, so fees, memo and key are handled once. Throws FailedError
 * when the node does not serve Tendermint RPC or the chain refuses the tx.
 */
export async function sendGovTx<T extends TaskTarget>(
  context: TaskContext<T>,
  payload: GovTxSpec,
  args: readonly string[],
  flags: readonly string[] = [],
): Promise<IncludedTx> {
  const { node, backend, resource, signal } = context;
  const rpc = (await backend.view(node)).tendermintRpc;
  if (!rpc) {
    throw new FailedError(`Node "${node.name}" does not serve Tendermint RPC.`, {
      resource,
      phase: "Failed",
    });
  }
  const argv = [...args, "--fees", payload.fees, "--gas", String(payload.gas), ...flags];
  if (payload.memo) argv.push("--note", payload.memo);
  return broadcastTx(node.runtime, argv, {
    home: node.home,
    node: node.txNode,
    rpc,
    chainId: node.chainId,
    from: payload.keyName ?? node.name,
    resource,
    signal,
  });
}
