import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type HomePlan, writeNodeFiles } from "../../../chain/ceremony.js";
import { isModuleCache } from "../../../chain/moduleCache.js";
import { nodeIdFromNodeKey, peerAddress } from "../../../chain/nodeId.js";
import { DEFAULT_PORTS } from "../../../chain/ports.js";
import type { NetworkSpec } from "../../../specs/types.js";
import { isPeerMemory } from "../../../templates/peerMemory.js";
import type { NetworkTemplate } from "../../../templates/templateCache.js";
import type { CeremonyContainer } from "../ceremonyContainer.js";
import { loadHome } from "../checkpoints/homeArchive.js";

/**
 * Makes a new docker network's homes from a template instead of a genesis:
 * each template home goes into its node's volume (through the ceremony
 * container, which mounts them all), peer memory left out; then every
 * config is rewritten for the new network's container names, so two clones
 * on one engine never dial each other. Keys, node ids, genesis and chain id
 * stay the template's. `plans` are in the template's node order.
 */
export async function cloneVolumes(
  ceremony: CeremonyContainer,
  template: NetworkTemplate,
  dir: string,
  plans: readonly HomePlan[],
  spec: NetworkSpec,
  signal: AbortSignal | undefined,
): Promise<void> {
  const homes = template.nodes.map((n) => join(dir, n.name));
  // One at a time: the engine serves archive calls one by one anyway.
  for (const [i, plan] of plans.entries()) {
    await loadHome(ceremony.container, homes[i] as string, signal, {
      path: plan.home,
      skip: (rel) => isPeerMemory(rel) || isModuleCache(rel),
    });
  }
  const ids = await Promise.all(
    homes.map(async (home) =>
      nodeIdFromNodeKey(await readFile(join(home, "config", "node_key.json"), "utf8")),
    ),
  );
  const genesis = await readFile(join(homes[0] as string, "config", "genesis.json"), "utf8");
  await Promise.all(
    plans.map((plan, i) =>
      writeNodeFiles(
        ceremony,
        plan.home,
        { chainId: template.facts.chainId, genesis },
        {
          ...plan.config,
          peers: plans.flatMap((other, j) =>
            j === i ? [] : [peerAddress(ids[j] as string, other.p2pHost, DEFAULT_PORTS.p2p)],
          ),
          overrides: spec.config,
          snapshots: spec.snapshots,
        },
      ),
    ),
  );
}
