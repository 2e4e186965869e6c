import { open } from "node:fs/promises";

/** The last `lines` lines of a log file (read from its end), or "" when there is none or `lines` is 0. */
export async function logTail(path: string, lines = 40, maxBytes = 64 * 1024): Promise<string> {
  // slice(-0) would be the whole file: a tail of 0 lines is none, as Docker's and Kubernetes' are.
  if (lines <= 0) return "";
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, "r");
    const { size } = await handle.stat();
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const all = buffer.toString("utf8").split("\n");
    if (all.at(-1) === "") all.pop();
    return all.slice(-lines).join("\n");
  } catch {
    return "";
  } finally {
    await handle?.close();
  }
}
