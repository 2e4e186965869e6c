import type { Node } from "../client/handles.js";
import { abortError } from "../internal/abort.js";
import { sleep } from "../internal/sleep.js";
import { latestHeight } from "../readiness/latestHeight.js";

/** Blocks past the upgrade height every node must reach: the new binary has made blocks, not only started. */
const PAST = 2;

/**
 * The last step of a rehearsal: waits until every node makes blocks past the
 * upgrade `height` on its new seid, and resolves with the height each
 * reached. A node that fails rejects with its exit code and log tail.
 */
export async function resumePastUpgrade(
  nodes: Node[],
  options: { height: number; signal?: AbortSignal | undefined },
): Promise<Map<string, number>> {
  const { height, signal } = options;
  const heights = new Map<string, number>();
  await Promise.all(
    nodes.map(async (n) => {
      const what = `waiting for node "${n.name}" past height ${height}`;
      for (;;) {
        if (signal?.aborted) throw abortError(signal, what);
        await n.refresh({ signal });
        if (n.phase === "Failed") await n.waitReady({ signal }); // rejects with the node's exit code and log tail
        const h = n.tendermintRpc ? await latestHeight(n.tendermintRpc, { signal }).catch(() => 0) : 0;
        if (h >= height + PAST) {
          heights.set(n.name, h);
          return;
        }
        await sleep(200, signal, what);
      }
    }),
  );
  return heights;
}
