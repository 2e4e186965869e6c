import { rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { NodeRole } from "../chain/config.js";
import { copyTree, isContentAddressed, isImmutableFile } from "../internal/copyTree.js";
import { leftOutOfSeed } from "./followerSeed.js";

/** What a full node keeps of its own when its chain data is replaced: its config and keys, and its sign state. */
const isOwn = (rel: string) =>
  rel === "config" || rel.startsWith("config/") || rel === "data/priv_validator_state.json";

/**
 * Gives each full node (the sentry) of a template's homes in `dir` the first
 * validator's chain data, keeping its own config and keys. A network just
 * made has a sentry still in block sync, often at height 0 (block sync
 * waits up to 10 s for a peer's next status): kept as it is, every clone's
 * sentry would run InitChain again and sync from scratch. Chain data holds
 * nothing of a node's identity, so the copy is the sentry a moment later.
 */
export async function alignFullNodes(
  dir: string,
  nodes: readonly { name: string; role: NodeRole }[],
  signal?: AbortSignal,
): Promise<void> {
  const source = nodes.find((n) => n.role === "validator");
  if (!source) return;
  for (const node of nodes.filter((n) => n.role !== "validator")) {
    const home = join(dir, node.name);
    const next = join(dir, `.${node.name}.aligned`);
    await rm(next, { recursive: true, force: true });
    try {
      // Template files are never written again: whatever is shared by content may be a link.
      await copyTree(join(dir, source.name), next, {
        link: (p) => isImmutableFile(p) || isContentAddressed(p),
        skip: (rel) => leftOutOfSeed(rel) || isOwn(rel),
        signal,
      });
    } catch (err) {
      await rm(next, { recursive: true, force: true });
      throw err;
    }
    // Renames within one directory: the node's own files move over, then the new home replaces the old.
    await rename(join(home, "config"), join(next, "config"));
    await rename(
      join(home, "data", "priv_validator_state.json"),
      join(next, "data", "priv_validator_state.json"),
    );
    await rm(home, { recursive: true, force: true });
    await rename(next, home);
  }
}
