import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { runLog } from "./runLog.js";

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "seinet-runlog-"));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function logFile(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe("runLog", () => {
  test("default: the whole log", async () => {
    assert.equal(await runLog(await logFile("a.log", "one\ntwo\n")), "one\ntwo\n");
  });

  test("only what the last run wrote", async () => {
    const earlier = "panic: an earlier run\n";
    const path = await logFile("b.log", `${earlier}started again\n`);
    assert.equal(await runLog(path, Buffer.byteLength(earlier)), "started again\n");
  });

  test("a long run is read from its last whole line within the window", async () => {
    const path = await logFile("c.log", "aaaa\nbbbb\ncccc\n");
    assert.equal(await runLog(path, 0, 7), "cccc\n");
  });

  test("a log shorter than the recorded start was replaced and is read whole", async () => {
    assert.equal(await runLog(await logFile("d.log", "new\n"), 1000), "new\n");
  });

  test("no log is empty", async () => {
    assert.equal(await runLog(join(dir, "missing.log")), "");
    assert.equal(await runLog(dir), "");
  });
});
