import type { TaskOutputs } from "../../specs/types.js";
import type { TaskTarget } from "../taskTarget.js";
import type { TaskContext } from "./taskContext.js";

/** Restarts the node's seid on the same home and software through the mode's backend; it reports nothing. */
export async function restartSeid<T extends TaskTarget>(context: TaskContext<T>): Promise<TaskOutputs> {
  await context.backend.restart(context.node, context.signal);
  return {};
}
