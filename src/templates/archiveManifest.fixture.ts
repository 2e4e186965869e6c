// A portable checkpoint's manifest for the unit tests: nodes named net-*,
// everything else overridable.
import type { NodeRole } from "../chain/config.js";
import { testAccountFromMnemonic } from "../chain/testAccount.js";
import { CHECKPOINT_ARCHIVE_FORMAT, type CheckpointArchiveManifest } from "./checkpointArchive.js";

/** A manifest of `nodes` (name → role) at `height`, with `over` on top. */
export function archiveManifest(
  nodes: Record<string, NodeRole>,
  height: number,
  over: Partial<CheckpointArchiveManifest> = {},
): CheckpointArchiveManifest {
  return {
    kind: "seinet-checkpoint",
    format: CHECKPOINT_ARCHIVE_FORMAT,
    checkpoint: {
      name: "warm",
      network: "net",
      namespace: "default",
      height,
      seid: ["v6.6.2"],
      nodes: Object.keys(nodes),
      createdAt: "2026-12-01T00:00:00.000Z",
      bytes: 1,
      copyMs: 1,
    },
    chainId: "sei-test",
    seid: { version: "v6.6.2", commit: "abcdef0123" },
    nodes: Object.entries(nodes).map(([name, role]) => ({ name, role })),
    testAccount: testAccountFromMnemonic("test test test test test test test test test test test junk"),
    ...over,
  };
}
