import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { copyTree, diskUsage, isImmutableFile } from "./copyTree.js";

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
