import type { TaskOutputs } from "../../specs/types.js";
import type { TaskTarget } from "../taskTarget.js";
import { submitProposal } from "./submitProposal.js";
import type { TaskContext } from "./taskContext.js";

/** Proposes a software upgrade at a height, so the chain's validators can vote to halt and swap there. */
export async function govSoftwareUpgrade<T extends TaskTarget>(
  context: TaskContext<T>,
): Promise<TaskOutputs> {
  const p = context.spec.govSoftwareUpgrade!;
  const args = ["software-upgrade", p.upgradeName, "--upgrade-height", String(p.upgradeHeight)];
  args.push("--title", p.title, "--description", p.description, "--deposit", p.initialDeposit);
  const flags = p.upgradeInfo ? ["--upgrade-info", p.upgradeInfo] : [];
  return { govSoftwareUpgrade: await submitProposal(context, p, args, flags) };
}
