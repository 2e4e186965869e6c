import type { TaskOutputs } from "../../specs/types.js";
import type { TaskTarget } from "../taskTarget.js";
import { submitProposal } from "./submitProposal.js";
import type { TaskContext } from "./taskContext.js";

/**
 * Proposes parameter changes. seid reads them from a JSON file, so the file is
 * written where seid runs (the host, or the node's container), in the node's
 * home, before the proposal is submitted.
 */
export async function govParamChange<T extends TaskTarget>(context: TaskContext<T>): Promise<TaskOutputs> {
  const { spec, node } = context;
  const p = spec.govParamChange!;
  const dir = `${node.home}/seinet-proposals`;
  const file = `${dir}/${spec.name}.json`;
  const changes = p.changes.map((c) => ({
    subspace: c.subspace,
    key: c.key,
    value: JSON.parse(c.value) as unknown,
  }));
  await node.runtime.mkdir(dir);
  await node.runtime.writeFile(
    file,
    JSON.stringify({ title: p.title, description: p.description, changes, deposit: p.initialDeposit }),
  );
  return { govParamChange: await submitProposal(context, p, ["param-change", file]) };
}
