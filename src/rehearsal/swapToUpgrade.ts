import type { Client } from "../client/client.js";
import type { Node } from "../client/handles.js";
import { runTaskToEnd } from "./runTaskToEnd.js";
import type { UpgradeTaskNames } from "./upgradeTaskNames.js";

/**
 * Swaps every node of `group` to the new seid, all at once: `to` is a binary
 * (a path or installed version) in the local mode, an image elsewhere.
 * Resolves with what each node now runs, by node name.
 */
export async function swapToUpgrade(
  client: Pick<Client, "runTask" | "mode">,
  group: Node[],
  options: { to: string; taskName: UpgradeTaskNames; signal?: AbortSignal | undefined },
): Promise<Map<string, string | undefined>> {
  const { signal } = options;
  const applied = new Map<string, string | undefined>();
  await Promise.all(
    group.map(async (n) => {
      const swapped = await runTaskToEnd(
        client,
        {
          name: options.taskName("swap"),
          namespace: n.namespace,
          node: n.name,
          kind: "UpdateNodeImage",
          updateNodeImage: client.mode === "local" ? { binary: options.to } : { image: options.to },
        },
        signal,
      );
      applied.set(n.name, swapped.updateNodeImage?.appliedImage);
    }),
  );
  return applied;
}
