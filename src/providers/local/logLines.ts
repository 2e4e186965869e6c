import { open } from "node:fs/promises";
import { setTimeout as delay } from "node:timers/promises";
import type { LogOptions } from "../../client/options.js";
import { logTail } from "./logTail.js";

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
    let position = (await handle.stat()).size;
    const start = options.tail === undefined ? "" : await logTail(path, options.tail, 4 * 1024 * 1024);
    if (options.tail === undefined) {
      position = 0;
    } else {
      for (const line of start ? start.split("\n") : []) yield line;
    }
    let partial = "";
    for (;;) {
      if (signal?.aborted) return;
      const { size } = await handle.stat();
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
