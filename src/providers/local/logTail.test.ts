import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { logTail } from "./logTail.js";

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "seinet-logtail-"));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function logFile(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);

describe("logTail", () => {
  test("default: the last 40 lines, without the final newline", async () => {
    const path = await logFile("a.log", `${lines(100).join("\n")}\n`);
    assert.equal(await logTail(path), lines(100).slice(-40).join("\n"));
  });

  test("args: lines", async () => {
    const path = await logFile("b.log", `${lines(10).join("\n")}\n`);
    assert.equal(await logTail(path, 3), "line 8\nline 9\nline 10");
    assert.equal(await logTail(path, 1), "line 10");
    assert.equal(await logTail(path, 50), lines(10).join("\n"));
  });

  test("args: lines 0 is nothing, not everything", async () => {
    const path = await logFile("zero.log", "a\nb\n");
    assert.equal(await logTail(path, 0), "");
  });

  test("args: maxBytes bounds what is read from the end", async () => {
    const path = await logFile("c.log", "aaaa\nbbbb\ncccc\n");
    assert.equal(await logTail(path, 10, 10), "bbbb\ncccc");
  });

  test("behavior: a last line without newline is kept", async () => {
    const path = await logFile("d.log", "one\ntwo\nthree");
    assert.equal(await logTail(path, 2), "two\nthree");
  });

  test("behavior: blank lines inside the tail are kept", async () => {
    const path = await logFile("e.log", "one\n\nthree\n");
    assert.equal(await logTail(path, 3), "one\n\nthree");
  });

  test("behavior: a missing or empty file gives an empty string", async () => {
    assert.equal(await logTail(join(dir, "missing.log")), "");
    assert.equal(await logTail(await logFile("empty.log", "")), "");
    assert.equal(await logTail(dir), "");
  });
});
