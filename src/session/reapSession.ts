import { isNotFound } from "../errors/predicates.js";
import { open } from "../registry/open.js";
import {
  type SessionEntry,
  type SessionRecord,
  removeSession,
  unreleased,
  writeSession,
} from "./sessionStore.js";

/** What reaping a session did. */
export interface ReapResult {
  /** Entries deleted (or, on a dry run, that would be). */
  removed: SessionEntry[];
  /** Entries that could not be deleted, with why; the record keeps them for the next try. */
  failed: { entry: SessionEntry; error: string }[];
}

/**
 * Deletes what a dead owner's session made and did not release (networks with
 * their followers first, then lone nodes), then the record itself once
 * nothing is left. Entries already gone count as removed.
 */
export async function reapSession(
  dir: string,
  record: SessionRecord,
  options: { dryRun?: boolean; signal?: AbortSignal } = {},
): Promise<ReapResult> {
  const entries = unreleased(record);
  const result: ReapResult = { removed: [], failed: [] };
  if (options.dryRun) {
    result.removed = entries;
    return result;
  }
  if (entries.length > 0) {
    const client = await open(record.mode, { ...record.open, signal: options.signal });
    try {
      const ordered = [
        ...entries.filter((e) => e.kind === "network"),
        ...entries.filter((e) => e.kind === "node"),
      ];
      for (const entry of ordered) {
        try {
          const get = entry.kind === "network" ? client.getNetwork.bind(client) : client.getNode.bind(client);
          const handle = await get(entry.name, { namespace: entry.namespace, signal: options.signal });
          await handle.delete({ cascade: true, signal: options.signal });
          result.removed.push(entry);
        } catch (err) {
          if (isNotFound(err)) result.removed.push(entry);
          else result.failed.push({ entry, error: (err as Error).message });
        }
      }
    } finally {
      await client.close();
    }
  }
  if (result.failed.length === 0) await removeSession(dir, record.id);
  else await writeSession(dir, { ...record, entries: result.failed.map((f) => f.entry), released: [] });
  return result;
}
