import type { Client } from "../client/client.js";
import type { TaskOutputs, TaskSpec } from "../specs/types.js";

/**
 * Runs one task and waits until it ends, resolving with its outputs: the unit
 * of work of every rehearsal step. A task that fails rejects with its error.
 */
export async function runTaskToEnd(
  client: Pick<Client, "runTask">,
  spec: TaskSpec,
  signal: AbortSignal | undefined,
): Promise<TaskOutputs> {
  const task = await client.runTask(spec, { signal });
  return task.wait({ signal });
}
