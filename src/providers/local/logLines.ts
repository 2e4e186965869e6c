import { open } from "node:fs/promises";
import { setTimeout as delay } from "node:timers/promises";
import type { LogOptions } from "../../client/options.js";

/** How far back from the end `tail` looks, bytes. */
const TAIL_WINDOW = 4 * 1024 * 1024;

/**
 * A node's log line by line: the last `tail` lines (all when unset), then,
 * with `follow`, new lines as seid writes them until the signal aborts.
 */
export async function* logLines(path: string, options: LogOptions = {}): AsyncGenerator<string> {
  const { signal } = options;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, "r");
  } catch {
    return;
  }
  try {
    let position = 0;
    if (options.tail !== undefined) {
      // The tail and what follows come from one read position, so no line is
      // yielded twice and a line still being written is read whole later.
      const size = (await handle.stat()).size;
      const from = Math.max(0, size - TAIL_WINDOW);
      const buffer = Buffer.alloc(size - from);
      await handle.read(buffer, 0, buffer.length, from);
      const end = buffer.lastIndexOf(0x0a);
      position = from + end + 1;
      const lines = end >= 0 ? buffer.subarray(0, end).toString("utf8").split("\n") : [];
      if (from > 0) lines.shift(); // the window may start mid-line
      for (const line of options.tail > 0 ? lines.slice(-options.tail) : []) yield line;
      if (!options.follow) return;
    }
    // Without follow, the log as it was when asked: lines written meanwhile are not read.
    const stop = options.follow ? Number.POSITIVE_INFINITY : (await handle.stat()).size;
    let partial = "";
    for (;;) {
      if (signal?.aborted) return;
      const size = Math.min((await handle.stat()).size, stop);
      if (size > position) {
        const buffer = Buffer.alloc(Math.min(size - position, 1024 * 1024));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
        position += bytesRead;
        const lines = (partial + buffer.subarray(0, bytesRead).toString("utf8")).split("\n");
        partial = lines.pop() ?? "";
        for (const line of lines) yield line;
        continue;
      }
      if (!options.follow) {
        if (partial) yield partial;
        return;
      }
      try {
        await delay(200, undefined, { signal });
      } catch {
        return;
      }
    }
  } finally {
    await handle.close();
  }
}
