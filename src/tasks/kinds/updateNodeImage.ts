import type { TaskOutputs } from "../../specs/types.js";
import type { TaskTarget } from "../taskTarget.js";
import type { TaskContext } from "./taskContext.js";

/** Swaps the node onto another seid through the mode's backend and reports what it now runs. */
export async function updateNodeImage<T extends TaskTarget>(context: TaskContext<T>): Promise<TaskOutputs> {
  const { spec, node, backend, signal } = context;
  const appliedImage = await backend.update(spec.updateNodeImage!, node, signal);
  return { updateNodeImage: { appliedImage } };
}
