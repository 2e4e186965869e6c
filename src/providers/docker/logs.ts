import { PassThrough } from "node:stream";
import type Docker from "dockerode";
import type { LogOptions } from "../../client/options.js";
import { demuxLog } from "./logFrames.js";

/**
 * A container's log line by line (stdout and stderr): the last `tail` lines
 * (all when unset), then, with `follow`, new lines until the signal aborts.
 */
export async function* containerLogLines(
  docker: Docker,
  container: Docker.Container,
  options: LogOptions = {},
): AsyncGenerator<string> {
  const { signal } = options;
  const base = { stdout: true, stderr: true, ...(options.tail !== undefined ? { tail: options.tail } : {}) };
  if (!options.follow) {
    let raw: unknown;
    try {
      raw = await container.logs({ ...base, follow: false });
    } catch {
      return;
    }
    const text = demuxLog(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw)));
    const lines = text.split("\n");
    if (lines.at(-1) === "") lines.pop();
    yield* lines;
    return;
  }
  let stream: NodeJS.ReadableStream;
  try {
    stream = (await container.logs({ ...base, follow: true })) as NodeJS.ReadableStream;
  } catch {
    return;
  }
  const text = new PassThrough();
  docker.modem.demuxStream(stream, text, text);
  const stop = () => {
    (stream as unknown as { destroy?: () => void }).destroy?.();
    text.end();
  };
  stream.on("end", () => text.end());
  stream.on("error", () => text.end());
  if (signal?.aborted) stop();
  signal?.addEventListener("abort", stop, { once: true });
  let partial = "";
  try {
    for await (const chunk of text) {
      const lines = (partial + (chunk as Buffer).toString("utf8")).split("\n");
      partial = lines.pop() ?? "";
      yield* lines;
    }
    if (partial) yield partial;
  } finally {
    signal?.removeEventListener("abort", stop);
    stop();
  }
}
