import type { GovTxSpec } from "../../specs/types.js";
import type { TaskTarget } from "../taskTarget.js";
import { sendGovTx } from "./sendGovTx.js";
import type { TaskContext } from "./taskContext.js";

/** What a proposal task reports: the new proposal's id and the tx that made it. */
export interface SubmittedProposal {
  proposalId: number;
  txHash: string;
  height: number;
}

/**
 * Submits a gov proposal (`seid tx gov submit-proposal …`) and reads its id
 * from the included tx's events, so the software-upgrade and param-change
 * kinds share one submission path.
 */
export async function submitProposal<T extends TaskTarget>(
  context: TaskContext<T>,
  payload: GovTxSpec,
  args: readonly string[],
  flags: readonly string[] = [],
): Promise<SubmittedProposal> {
  const included = await sendGovTx(context, payload, ["gov", "submit-proposal", ...args], flags);
  const id =
    included.events.get("submit_proposal.proposal_id") ?? included.events.get("proposal_deposit.proposal_id");
  return { proposalId: Number(id), txHash: included.txHash, height: included.height };
}
