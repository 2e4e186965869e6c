import type { TaskOutputs } from "../../specs/types.js";
import type { TaskTarget } from "../taskTarget.js";
import { sendGovTx } from "./sendGovTx.js";
import type { TaskContext } from "./taskContext.js";

/** Votes on a proposal with the node's key (or `keyName`). */
export async function govVote<T extends TaskTarget>(context: TaskContext<T>): Promise<TaskOutputs> {
  const p = context.spec.govVote!;
  const included = await sendGovTx(context, p, ["gov", "vote", String(p.proposalId), p.option]);
  return { govVote: { txHash: included.txHash, height: included.height } };
}
