import assert from "node:assert/strict";
import { appendFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { logLines } from "./logLines.js";

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "seinet-loglines-"));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
async function logFile(text: string): Promise<string> {
  counter += 1;
  const path = join(dir, `${counter}.log`);
  await writeFile(path, text);
  return path;
}

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

/** Reads from `iterator` until `n` lines arrived or `ms` passed. */
async function take(iterator: AsyncIterator<string>, n: number, ms = 3_000): Promise<string[]> {
  const out: string[] = [];
  const deadline = Date.now() + ms;
  while (out.length < n) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`only ${out.length} of ${n} lines: ${JSON.stringify(out)}`);
    const next = await Promise.race([iterator.next(), delay(left).then(() => undefined)]);
    if (!next) continue;
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

describe("logLines", () => {
  test("default: every line, the unterminated last one too", async () => {
    const path = await logFile("one\ntwo\nthree");
    assert.deepEqual(await collect(logLines(path)), ["one", "two", "three"]);
  });

  test("args: tail keeps the last N lines", async () => {
    const path = await logFile("1\n2\n3\n4\n5\n");
    assert.deepEqual(await collect(logLines(path, { tail: 2 })), ["4", "5"]);
    assert.deepEqual(await collect(logLines(path, { tail: 10 })), ["1", "2", "3", "4", "5"]);
  });

  test("args: tail 0 yields nothing", async () => {
    const path = await logFile("1\n2\n");
    assert.deepEqual(await collect(logLines(path, { tail: 0 })), []);
  });

  test("behavior: a missing file yields nothing", async () => {
    assert.deepEqual(await collect(logLines(join(dir, "missing.log"), { follow: true })), []);
  });

  test("behavior: an empty file yields nothing", async () => {
    assert.deepEqual(await collect(logLines(await logFile(""))), []);
  });

  test("behavior: follow yields lines appended after the start, then stops on abort", async () => {
    const path = await logFile("old 1\nold 2\nold 3\n");
    const controller = new AbortController();
    const iterator = logLines(path, { tail: 1, follow: true, signal: controller.signal });
    assert.deepEqual(await take(iterator, 1), ["old 3"]);
    // The reader is waiting for more when the lines come, one of them in two writes.
    const fresh = take(iterator, 2);
    await delay(50);
    await appendFile(path, "new 1\nnew ");
    await delay(250);
    await appendFile(path, "2\n");
    assert.deepEqual(await fresh, ["new 1", "new 2"]);
    const pending = iterator.next();
    controller.abort();
    const started = Date.now();
    assert.deepEqual(await pending, { done: true, value: undefined });
    assert.ok(Date.now() - started < 1_000);
  });

  test("behavior: follow with tail 0 yields only new lines", async () => {
    const path = await logFile("old\n");
    const controller = new AbortController();
    const iterator = logLines(path, { tail: 0, follow: true, signal: controller.signal });
    const first = iterator.next();
    await delay(50);
    await appendFile(path, "new\n");
    assert.deepEqual(await first, { done: false, value: "new" });
    controller.abort();
    assert.equal((await iterator.next()).done, true);
  });

  test("behavior: follow without tail starts at the beginning", async () => {
    const path = await logFile("a\nb\n");
    const controller = new AbortController();
    const iterator = logLines(path, { follow: true, signal: controller.signal });
    assert.deepEqual(await take(iterator, 2), ["a", "b"]);
    await appendFile(path, "c\n");
    assert.deepEqual(await take(iterator, 1), ["c"]);
    controller.abort();
    assert.equal((await iterator.next()).done, true);
  });

  test("behavior: an already aborted signal ends a follow at once", async () => {
    const path = await logFile("a\n");
    const lines = await collect(logLines(path, { tail: 5, follow: true, signal: AbortSignal.abort() }));
    assert.deepEqual(lines, ["a"]);
  });

  test("behavior: breaking out of the loop closes the file", async () => {
    const path = await logFile("a\nb\nc\n");
    const controller = new AbortController();
    const seen: string[] = [];
    for await (const line of logLines(path, { follow: true, signal: controller.signal })) {
      seen.push(line);
      if (line === "b") break;
    }
    assert.deepEqual(seen, ["a", "b"]);
  });
});

describe("logLines without follow", () => {
  test("behavior: a tail is exactly the last lines as they were, whatever is written meanwhile", async () => {
    const dir = await mkdtemp(join(tmpdir(), "seinet-loglines-"));
    const path = join(dir, "seid.log");
    await writeFile(path, "a\nb\nc\nd\n");
    const seen: string[] = [];
    for await (const line of logLines(path, { tail: 2 })) {
      seen.push(line);
      await appendFile(path, "written meanwhile\n");
    }
    assert.deepEqual(seen, ["c", "d"]);
    await rm(dir, { recursive: true, force: true });
  });
});
