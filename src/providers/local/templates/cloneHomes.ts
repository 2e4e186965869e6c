import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { type PeerRoute, writeNodeFiles } from "../../../chain/ceremony.js";
import { isModuleCache } from "../../../chain/moduleCache.js";
import { nodeIdFromNodeKey, peerAddress } from "../../../chain/nodeId.js";
import { copyTree, isImmutableFile } from "../../../internal/copyTree.js";
import type { NetworkSpec } from "../../../specs/types.js";
import { PEER_MEMORY } from "../../../templates/peerMemory.js";
import type { NetworkTemplate } from "../../../templates/templateCache.js";
import { hostRuntime } from "../hostRuntime.js";
import type { NodeRecord } from "../records.js";

/**
 * Makes the homes of a new network from a template: every node's home copied
 * (immutable files hard-linked where the cache shares the filesystem; the
 * compiled-module cache left out), its peer memory dropped, and every listen address, port and peer entry
 * rewritten to the new records' ports. Keys, node ids, genesis and chain id
 * stay the template's. `records` are in the template's node order.
 */
export async function cloneHomes(
  template: NetworkTemplate,
  dir: string,
  records: readonly NodeRecord[],
  spec: NetworkSpec,
  signal: AbortSignal | undefined,
  route?: PeerRoute,
): Promise<void> {
  await Promise.all(
    records.map(async (record, i) => {
      const from = join(dir, (template.nodes[i] as { name: string }).name);
      await copyTree(from, record.home, {
        link: isImmutableFile,
        skip: isModuleCache,
        signal,
      });
      await Promise.all(PEER_MEMORY.map((p) => rm(join(record.home, p), { recursive: true, force: true })));
      record.nodeId = nodeIdFromNodeKey(await readFile(join(record.home, "config", "node_key.json"), "utf8"));
    }),
  );
  const genesis = await readFile(join((records[0] as NodeRecord).home, "config", "genesis.json"), "utf8");
  // Through the new network's relay, when it has one, as the ceremony wires them.
  const addr = (from: NodeRecord) => (to: NodeRecord) => {
    const via = route?.(from.name, to.name);
    return peerAddress(to.nodeId, via?.host ?? to.host, via?.port ?? to.ports.p2p);
  };
  await Promise.all(
    records.map((record) =>
      writeNodeFiles(
        hostRuntime(record.seid.path),
        record.home,
        { chainId: template.facts.chainId, genesis },
        {
          role: record.role,
          ports: record.ports,
          listenHost: record.host,
          externalAddress: `${record.host}:${record.relay?.public ?? record.ports.p2p}`,
          peers: records.filter((o) => o !== record).map(addr(record)),
          overrides: spec.config,
          snapshots: spec.snapshots,
        },
      ),
    ),
  );
}
