import assert from "node:assert/strict";
import { mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileDigest, readMemo, writeMemo } from "./bundleMemo.js";

describe("bundle memo", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let lib: string;
  const memo = { contentHash: "ab".repeat(32), version: "v6.6.2", commit: "3e".repeat(20) };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "seinet-memo-"));
    env = { SEINET_CACHE: join(dir, "cache") };
    lib = join(dir, "libc.so.6");
    await writeFile(lib, "libc");
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test("default: what was written is read back while the host files are unchanged", async () => {
    const digest = await fileDigest(lib);
    assert.match(digest, /^[0-9a-f]{64}$/);
    await writeMemo(digest, { ...memo, hostFiles: [lib] }, env);
    const read = await readMemo(digest, env);
    assert.equal(read?.contentHash, memo.contentHash);
    assert.deepEqual(read?.hostFiles, [lib]);
  });

  test("behavior: a changed or vanished host file makes the memo stale", async () => {
    await writeMemo("d1", { ...memo, hostFiles: [lib] }, env);
    await utimes(lib, new Date(), new Date(Date.now() + 5_000));
    assert.equal(await readMemo("d1", env), undefined);
    await writeMemo("d2", { ...memo, hostFiles: [join(dir, "gone.so")] }, env);
    assert.equal(await readMemo("d2", env), undefined);
  });

  test("behavior: no memo, or an unreadable one, is a miss", async () => {
    assert.equal(await readMemo("none", env), undefined);
    await writeFile(join(env.SEINET_CACHE as string, "images", "bundles", "bad.json"), "{not json");
    assert.equal(await readMemo("bad", env), undefined);
  });
});
