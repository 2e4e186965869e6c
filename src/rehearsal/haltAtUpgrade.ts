import type { Client } from "../client/client.js";
import type { Node } from "../client/handles.js";
import { UsageError } from "../errors/usage.js";
import { sleep } from "../internal/sleep.js";
import { latestHeight } from "../readiness/latestHeight.js";
import { runTaskToEnd } from "./runTaskToEnd.js";
import type { UpgradeTaskNames } from "./upgradeTaskNames.js";

/** How long a group must stand still at the block before the upgrade to count as stopped there. */
const STILL_MS = 3_000;

/**
 * Waits until every node of `group` stands at the upgrade `height`. A node is
 * there when it stopped ("UPGRADE … NEEDED", phase Halted), or when it
 * committed the block before it and the chain stands still: with several
 * validators, those that execute the upgrade block first halt, and the rest
 * never receive its commit. A node past `height` still runs the old binary,
 * which means the chain expected another upgrade name: a UsageError on `name`.
 */
export async function haltAtUpgrade(
  client: Pick<Client, "runTask">,
  group: Node[],
  options: { height: number; name: string; taskName: UpgradeTaskNames; signal?: AbortSignal | undefined },
): Promise<void> {
  const { height, signal } = options;
  await Promise.all(
    group.map((n) =>
      runTaskToEnd(
        client,
        {
          name: options.taskName("halt"),
          namespace: n.namespace,
          node: n.name,
          kind: "AwaitNodesAtHeight",
          awaitNodesAtHeight: { targetHeight: height - 1 },
        },
        signal,
      ),
    ),
  );
  let stillSince = Date.now();
  let last = "";
  for (;;) {
    const seen = await Promise.all(
      group.map(async (n) => {
        await n.refresh({ signal });
        if (n.phase === "Halted") return { n, halted: true, height };
        const h = n.tendermintRpc ? await latestHeight(n.tendermintRpc, { signal }).catch(() => -1) : -1;
        return { n, halted: false, height: h };
      }),
    );
    // Height H itself is no proof: a node stores block H before applying it, and
    // an old seid halts while applying it. Only H+1 is past the upgrade.
    const passed = seen.find((s) => !s.halted && s.height > height);
    if (passed) {
      throw new UsageError(
        `Node "${passed.n.name}" passed height ${height} on the old binary: is "${options.name}" the upgrade name the chain expects?`,
        { field: "name" },
      );
    }
    const key = seen.map((s) => `${s.halted}:${s.height}`).join(",");
    if (key !== last) {
      last = key;
      stillSince = Date.now();
    }
    const halted = seen.filter((s) => s.halted).length;
    const atHeight = seen.every((s) => s.halted || s.height === height - 1);
    if (halted === group.length || (halted > 0 && atHeight && Date.now() - stillSince > STILL_MS)) return;
    await sleep(250, signal, `waiting for nodes to stop at height ${height}`);
  }
}
