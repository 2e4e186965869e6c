import type { DeadNode } from "./failure.js";
import type { NodeOps } from "./nodeOps.js";

/** What a dead node left, read through its mode; undefined when no node died. */
export async function deadNode<N, V>(
  ops: NodeOps<N, V>,
  view: V | undefined,
  signal?: AbortSignal,
): Promise<DeadNode | undefined> {
  if (view === undefined) return undefined;
  return { exitCode: ops.nodeFacts(view).exitCode, crashLog: await ops.crashLog(view, signal) };
}
