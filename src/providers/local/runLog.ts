import { open } from "node:fs/promises";

/** How much of a run's log is read to explain how it ended, bytes: a Go crash report fits well within. */
const WINDOW = 1024 * 1024;

/**
 * What seid wrote to its log since it was last started (`from`, the log's size
 * then), or its last `maxBytes` when longer. A node's log outlives restarts
 * and binary swaps, and an earlier run's halt or panic must not be read as
 * this run's. "" when there is no log.
 */
export async function runLog(path: string, from = 0, maxBytes = WINDOW): Promise<string> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, "r");
    const { size } = await handle.stat();
    // A log shorter than `from` was replaced: all of it is this run's.
    const start = Math.max(from <= size ? from : 0, size - maxBytes);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    const text = buffer.toString("utf8");
    // A window cut mid-line starts at the next whole line.
    return start > from && start > 0 ? text.slice(text.indexOf("\n") + 1) : text;
  } catch {
    return "";
  } finally {
    await handle?.close();
  }
}
