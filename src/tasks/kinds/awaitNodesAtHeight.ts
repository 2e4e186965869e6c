import { setTimeout as delay } from "node:timers/promises";
import { FailedError } from "../../errors/failed.js";
import { abortError } from "../../internal/abort.js";
import { latestHeight } from "../../readiness/latestHeight.js";
import type { TaskOutputs } from "../../specs/types.js";
import type { TaskTarget } from "../taskTarget.js";
import { pendingUpgradeHeight } from "../upgradePlan.js";
import type { TaskContext } from "./taskContext.js";

/**
 * Whether a node at `height` may be about to stop for a scheduled upgrade: the
 * plan is due at or below the height it reports. Such a node is watched until
 * it halts or moves on, so a task that ends there leaves its phase settled
 * (and an image swapped right after never lands before the halt).
 */
async function haltPending(rest: string | undefined, height: number, signal: AbortSignal): Promise<boolean> {
  if (!rest) return false;
  const due = await pendingUpgradeHeight(rest, signal).catch(() => undefined);
  return due !== undefined && due <= height;
}

/**
 * Waits until the node reaches a height, or halted at it for a scheduled
 * upgrade. A node that stops first is a FailedError with its reason.
 */
export async function awaitNodesAtHeight<T extends TaskTarget>(
  context: TaskContext<T>,
): Promise<TaskOutputs> {
  const { spec, node, backend, resource, signal } = context;
  const target = spec.awaitNodesAtHeight!.targetHeight;
  for (;;) {
    const what = `waiting for node "${node.name}" to reach height ${target}`;
    if (signal.aborted) throw abortError(signal, what);
    const view = await backend.view(node);
    // A node that stopped for a scheduled upgrade at the target has reached it.
    if (view.halt && view.halt.height >= target)
      return { awaitNodesAtHeight: { currentHeight: view.halt.height } };
    if (view.phase === "Failed" || view.phase === "Terminating" || view.phase === "Halted") {
      throw new FailedError(`Node "${node.name}" stopped before height ${target}.`, {
        resource,
        phase: "Failed",
        reason: view.reason,
        exitCode: view.exitCode,
      });
    }
    if (view.phase === "Running" && view.tendermintRpc) {
      const height = await latestHeight(view.tendermintRpc, { signal, requestTimeout: 2_000 }).catch(() => 0);
      const pending = height >= target && (await haltPending(node.rest, height, signal));
      // An abort while the plan was read reads as "none pending": it must not count as reached.
      if (signal.aborted) throw abortError(signal, what);
      if (height >= target && !pending) return { awaitNodesAtHeight: { currentHeight: height } };
    }
    await delay(100, undefined, { signal }).catch(() => {});
  }
}
