import { readdir } from "node:fs/promises";
import { join } from "node:path";

/**
 * Heights of the state-sync snapshots a node keeps, newest first, read from
 * its home: seid's snapshot store keeps one directory per height under
 * `data/snapshots/` (beside its `metadata.db`). The local mode can look, since
 * every home is on this machine; it is how a follower learns, before it
 * starts, whether any peer has a snapshot to serve.
 */
export async function snapshotHeights(home: string): Promise<number[]> {
  let entries: string[];
  try {
    entries = await readdir(join(home, "data", "snapshots"));
  } catch {
    return [];
  }
  return entries
    .filter((entry) => /^[1-9]\d*$/.test(entry))
    .map(Number)
    .sort((a, b) => b - a);
}
