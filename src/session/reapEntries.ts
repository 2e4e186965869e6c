import type { Client } from "../client/client.js";
import { isNotFound } from "../errors/predicates.js";
import type { SessionEntry } from "./sessionStore.js";

/** What reaping a session did. */
export interface ReapResult {
  /** Entries deleted (or, on a dry run, that would be). */
  removed: SessionEntry[];
  /** Entries that could not be deleted, with why; the record keeps them for the next try. */
  failed: { entry: SessionEntry; error: string }[];
}

/**
 * Deletes a dead session's entries through `client`: networks with their
 * followers first, then lone nodes. Entries already gone count as removed.
 */
export async function reapEntries(
  client: Client,
  entries: readonly SessionEntry[],
  signal?: AbortSignal,
): Promise<ReapResult> {
  const result: ReapResult = { removed: [], failed: [] };
  const ordered = [
    ...entries.filter((e) => e.kind === "network"),
    ...entries.filter((e) => e.kind === "node"),
  ];
  for (const entry of ordered) {
    try {
      const get = entry.kind === "network" ? client.getNetwork.bind(client) : client.getNode.bind(client);
      const handle = await get(entry.name, { namespace: entry.namespace, signal });
      await handle.delete({ cascade: true, signal });
      result.removed.push(entry);
    } catch (err) {
      if (isNotFound(err)) result.removed.push(entry);
      else result.failed.push({ entry, error: (err as Error).message });
    }
  }
  return result;
}
