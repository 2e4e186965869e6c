import { open } from "../registry/open.js";
import { type ReapResult, reapEntries } from "./reapEntries.js";
import { type SessionRecord, removeSession, unreleased, writeSession } from "./sessionStore.js";

/**
 * Deletes what a dead owner's session made and did not release (networks with
 * their followers first, then lone nodes), then the record itself once
 * nothing is left. Entries already gone count as removed.
 */
export type { ReapResult };

export async function reapSession(
  dir: string,
  record: SessionRecord,
  options: { dryRun?: boolean; signal?: AbortSignal } = {},
): Promise<ReapResult> {
  const entries = unreleased(record);
  if (options.dryRun) return { removed: entries, failed: [] };
  let result: ReapResult = { removed: [], failed: [] };
  if (entries.length > 0 || record.mode === "k8s") {
    const client = await open(record.mode, { ...record.open, signal: options.signal }).catch((err: Error) => {
      // Nothing to delete: an unreachable runtime only keeps a record that expires on its own (k8s: the Lease).
      if (entries.length > 0) result.failed = entries.map((entry) => ({ entry, error: err.message }));
      return undefined;
    });
    if (client) {
      try {
        result = await reapEntries(client, entries, options.signal);
        // The runtime's own record of the session goes with what it made; one left behind expires, and gc drops it.
        if (result.failed.length === 0) await client.forgetSession(record.id, options).catch(() => {});
      } finally {
        await client.close();
      }
    }
  }
  if (result.failed.length === 0) await removeSession(dir, record.id);
  else await writeSession(dir, { ...record, entries: result.failed.map((f) => f.entry), released: [] });
  return result;
}
