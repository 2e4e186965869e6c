import { posix } from "node:path";
import { writeNodeFiles } from "../chain/ceremony.js";
import type { NodeConfigInput } from "../chain/config.js";
import { isConsensusWal } from "../chain/consensusWal.js";
import { isModuleCache } from "../chain/moduleCache.js";
import { IDENTITY_FILES, newNodeIdentity } from "../chain/nodeIdentity.js";
import type { ChainRuntime } from "../chain/runtime.js";
import { isPeerMemory } from "./peerMemory.js";
import type { NetworkTemplate } from "./templateCache.js";
import { canonical } from "./templateKey.js";

/** What decides whether a follower of a cloned network can start from the template's chain data. */
export interface SeedQuestion {
  template: NetworkTemplate;
  /** The follower's seid as templates name it (commit, else version, else path). */
  seid: string;
  /** The follower's own config overrides. */
  config: Readonly<Record<string, string>> | undefined;
  stateSync: boolean;
}

/**
 * Why a follower of a network cloned from `template` still starts from
 * genesis, or undefined when it can start from the template's chain data. A
 * seeded follower must end up as a fresh one would: the same seid, the same
 * config (the template's homes carry the network's overrides and snapshot
 * settings, which a fresh follower does not get), and no state sync (which
 * brings its own state).
 */
export function seedRefusal(q: SeedQuestion): string | undefined {
  if (q.stateSync) return "it state-syncs";
  if (q.seid !== q.template.facts.seid) return "it runs another seid";
  if (q.template.facts.snapshots !== null) return "the network's nodes take snapshots";
  if (canonical(q.config ?? {}) !== canonical(q.template.facts.config)) return "its config differs";
  return undefined;
}

/** The template home a follower starts from: the sentry's (already a full node), else the first validator's. */
export function seedSource(template: NetworkTemplate): string {
  const node = template.nodes.find((n) => n.role === "sentry") ?? template.nodes[0];
  if (!node) throw new Error(`template ${template.key} holds no node`);
  return node.name;
}

/**
 * What a follower leaves behind when it copies its seed's home: peer memory,
 * the compiled-module cache,
 * the consensus WAL (the seed's own votes and round state), the keyring and
 * gentxs of a validator seed, and the keys it gets anew.
 */
export function leftOutOfSeed(rel: string): boolean {
  return (
    isPeerMemory(rel) ||
    isModuleCache(rel) ||
    isConsensusWal(rel) ||
    rel === "keyring-test" ||
    rel.startsWith("keyring-test/") ||
    rel === "config/gentx" ||
    rel.startsWith("config/gentx/") ||
    (IDENTITY_FILES as readonly string[]).includes(rel)
  );
}

/**
 * Makes a seeded home (the seed's chain data already copied in, less
 * {@link leftOutOfSeed}) a follower's: new node and consensus keys, its own
 * moniker, listeners, peers and overrides, the network's genesis. Returns
 * its node id. What `seid init` plus {@link writeNodeFiles} do for a fresh
 * follower, without a seid run, and with no InitChain to come.
 */
export async function finishSeededHome(
  rt: ChainRuntime,
  home: string,
  chain: { chainId: string; genesis: string },
  config: NodeConfigInput & { moniker: string },
): Promise<string> {
  const identity = newNodeIdentity();
  await rt.writeFiles(identity.files.map((f) => ({ ...f, path: posix.join(home, f.path) })));
  await writeNodeFiles(rt, home, chain, config);
  return identity.nodeId;
}
