import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { copyTree, diskUsage, isContentAddressed, isImmutableFile } from "./copyTree.js";

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function tree(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "seinet-copytree-"));
  dirs.push(root);
  return root;
}

test("behavior: tables are hard-linked, a preallocated file is copied sparse, contents equal", async () => {
  const root = await tree();
  const from = join(root, "from");
  const { mkdir } = await import("node:fs/promises");
  await mkdir(join(from, "data", "db"), { recursive: true });
  await writeFile(join(from, "data", "db", "000001.sst"), "table");
  const wal = Buffer.alloc(8 << 20);
  wal.write("head", 0);
  wal.write("tail", (4 << 20) + 17);
  await writeFile(join(from, "data", "db", "000002.log"), wal);
  await writeFile(join(from, "priv.json"), "{}", { mode: 0o600 });
  const to = join(root, "to");
  await copyTree(from, to, { link: isImmutableFile });
  const [a, b] = await Promise.all([
    stat(join(from, "data/db/000001.sst")),
    stat(join(to, "data/db/000001.sst")),
  ]);
  assert.equal(a.ino, b.ino, "table shared by hard link");
  const copied = await stat(join(to, "data/db/000002.log"));
  assert.equal(copied.size, wal.length, "length kept");
  assert.ok(copied.blocks * 512 <= 16 * 4096, `sparse: ${copied.blocks * 512} bytes on disk`);
  assert.deepEqual(await readFile(join(to, "data/db/000002.log")), wal);
  assert.equal((await stat(join(to, "priv.json"))).mode & 0o777, 0o600);
  assert.ok((await diskUsage(to)) < 1 << 20);
});

test("behavior: wasm code is never shared with its source, and copied once across homes with one dedupe map", async () => {
  const root = await tree();
  const { mkdir } = await import("node:fs/promises");
  const code = "wasm/wasm/state/wasm/abc.wasm";
  for (const home of ["a", "b"]) {
    await mkdir(join(root, home, "wasm/wasm/state/wasm"), { recursive: true });
    await writeFile(join(root, home, code), "code");
  }
  const dedupe = { match: isContentAddressed, seen: new Map<string, Promise<string>>() };
  // At once, as a checkpoint copies its homes: the second must still link to the first's copy.
  await Promise.all(
    ["a", "b"].map((home) =>
      copyTree(join(root, home), join(root, `cp-${home}`), { link: isImmutableFile, dedupe }),
    ),
  );
  const src = await stat(join(root, "a", code));
  const a = await stat(join(root, "cp-a", code));
  const b = await stat(join(root, "cp-b", code));
  assert.notEqual(src.ino, a.ino, "seid rewrites wasm files in place: the copy has its own inode");
  assert.equal(a.ino, b.ino, "the two homes' copies share one");
  assert.equal(await readFile(join(root, "cp-b", code), "utf8"), "code");
});

test("behavior: `skip` leaves a path and everything under it out; wasm keeps its bytes and mode", async () => {
  const root = await tree();
  const from = join(root, "from");
  const { mkdir } = await import("node:fs/promises");
  await mkdir(join(from, "data", "tendermint", "cs.wal"), { recursive: true });
  await mkdir(join(from, "wasm", "wasm", "cache"), { recursive: true });
  await writeFile(join(from, "data", "tendermint", "cs.wal", "wal"), "votes");
  await writeFile(join(from, "data", "keep.json"), "{}");
  const code = Buffer.alloc(200 << 10, 7);
  await writeFile(join(from, "wasm", "wasm", "cache", "a.module"), code, { mode: 0o640 });
  const to = join(root, "to");
  await copyTree(from, to, { skip: (rel) => rel === "data/tendermint/cs.wal" });
  await assert.rejects(stat(join(to, "data", "tendermint", "cs.wal")), /ENOENT/);
  assert.equal(await readFile(join(to, "data", "keep.json"), "utf8"), "{}");
  const copied = join(to, "wasm", "wasm", "cache", "a.module");
  assert.deepEqual(await readFile(copied), code);
  assert.equal((await stat(copied)).mode & 0o777, 0o640);
  assert.notEqual(
    (await stat(copied)).ino,
    (await stat(join(from, "wasm", "wasm", "cache", "a.module"))).ino,
  );
});
