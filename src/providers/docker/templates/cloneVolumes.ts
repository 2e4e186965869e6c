import { readFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { type HomePlan, nodeFiles } from "../../../chain/ceremony.js";
import { isModuleCache } from "../../../chain/moduleCache.js";
import { nodeIdFromNodeKey, peerAddress } from "../../../chain/nodeId.js";
import { DEFAULT_PORTS } from "../../../chain/ports.js";
import { logger } from "../../../internal/debug.js";
import type { NetworkSpec } from "../../../specs/types.js";
import { isPeerMemory } from "../../../templates/peerMemory.js";
import type { NetworkTemplate } from "../../../templates/templateCache.js";
import { CEREMONY_HOMES, type CeremonyContainer } from "../ceremonyContainer.js";
import { loadHomes } from "../checkpoints/homeArchive.js";

const log = logger("template");

/**
 * Makes a new docker network's homes from a template instead of a genesis:
 * every template home goes into its node's volume, peer memory left out and
 * every config rewritten for the new network's container names (so two
 * clones on one engine never dial each other), in one archive through the
 * ceremony container, which mounts them all. Keys, node ids, genesis and
 * chain id stay the template's. `plans` are in the template's node order.
 */
export async function cloneVolumes(
  ceremony: CeremonyContainer,
  template: NetworkTemplate,
  dir: string,
  plans: readonly HomePlan[],
  spec: NetworkSpec,
  signal: AbortSignal | undefined,
): Promise<void> {
  const started = Date.now();
  const homes = template.nodes.map((n) => join(dir, n.name));
  const text = (home: string, file: string) => readFile(join(home, "config", file), "utf8");
  const ids = await Promise.all(
    homes.map(async (home) => nodeIdFromNodeKey(await text(home, "node_key.json"))),
  );
  const genesis = await text(homes[0] as string, "genesis.json");
  const loads = await Promise.all(
    plans.map(async (plan, i) => {
      const home = homes[i] as string;
      const [configToml, appToml] = await Promise.all([text(home, "config.toml"), text(home, "app.toml")]);
      const files = nodeFiles(
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
        { configToml, appToml },
      );
      return {
        dir: home,
        into: posix.relative(CEREMONY_HOMES, plan.home),
        files: files.map((f) => ({ rel: posix.relative(plan.home, f.path), data: f.data })),
      };
    }),
  );
  await loadHomes(ceremony.container, CEREMONY_HOMES, loads, signal, {
    skip: (rel) => isPeerMemory(rel) || isModuleCache(rel),
  });
  log("%d homes made from the template in %d ms", plans.length, Date.now() - started);
}
