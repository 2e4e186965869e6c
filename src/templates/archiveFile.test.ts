import assert from "node:assert/strict";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, stat, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { after, test } from "node:test";
import { createGzip } from "node:zlib";
import { pack } from "tar-stream";
import { UsageError } from "../errors/usage.js";
import {
  readArchiveManifest,
  readCheckpointArchive,
  unpackArchive,
  writeCheckpointArchive,
} from "./archiveFile.js";
import { archiveManifest } from "./archiveManifest.fixture.js";
import {
  ARCHIVE_MANIFEST,
  CHECKPOINT_ARCHIVE_FORMAT,
  type CheckpointArchiveManifest,
} from "./checkpointArchive.js";

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
const temp = async () => {
  const d = await mkdtemp(join(tmpdir(), "seinet-archive-"));
  dirs.push(d);
  return d;
};

const manifest = (over: Partial<CheckpointArchiveManifest> = {}) =>
  archiveManifest({ "net-0": "validator", "net-full": "sentry" }, 42, over);

/** A checkpoint directory: two homes, one with a 1 MiB preallocated (all-zero) file. */
async function homes(): Promise<string> {
  const dir = await temp();
  for (const node of ["net-0", "net-full"]) {
    await mkdir(join(dir, node, "config"), { recursive: true });
    await mkdir(join(dir, node, "data", "wal"), { recursive: true });
    await writeFile(join(dir, node, "config", "genesis.json"), `{"chain_id":"sei-test","node":"${node}"}`);
    await writeFile(join(dir, node, "config", "node_key.json"), "{}", { mode: 0o600 });
    await writeFile(
      join(dir, node, "data", "wal", "000001.log"),
      Buffer.concat([Buffer.from("head"), Buffer.alloc(1 << 20)]),
    );
  }
  return dir;
}

/** Writes a gzip'd tar of the given entries, as a hand-made (or hostile) archive would be. */
async function rawArchive(
  file: string,
  entries: { name: string; body?: string; type?: "file" | "symlink"; linkname?: string }[],
) {
  const p = pack();
  const done = pipeline(p, createGzip(), createWriteStream(file));
  for (const e of entries) {
    if (e.type === "symlink") p.entry({ name: e.name, type: "symlink", linkname: e.linkname ?? "" });
    else p.entry({ name: e.name }, e.body ?? "");
  }
  p.finalize();
  await done;
}

test("an exported archive reads back: manifest first, homes unpacked sparse with their modes", async () => {
  const file = join(await temp(), "out", "warm.seinet.tgz");
  const bytes = await writeCheckpointArchive(file, await homes(), manifest());
  assert.equal((await stat(file)).size, bytes);
  assert.equal((await stat(file)).mode & 0o777, 0o600, "the archive holds keys: owner only");
  assert.ok(bytes < 64 * 1024, `zeros compress: ${bytes} bytes`);
  assert.deepEqual(await readArchiveManifest(file), manifest());
  const info = await readCheckpointArchive(file);
  assert.deepEqual(
    { validators: info.validators, height: info.height, chainId: info.chainId },
    { validators: 1, height: 42, chainId: "sei-test" },
  );
  assert.equal(JSON.stringify(info).includes("privateKey"), false, "the public reading carries no key");

  const into = join(await temp(), "unpacked");
  await unpackArchive(file, manifest(), into);
  assert.deepEqual((await readdir(into)).sort(), ["net-0", "net-full"]);
  assert.equal(
    await readFile(join(into, "net-full", "config", "genesis.json"), "utf8"),
    '{"chain_id":"sei-test","node":"net-full"}',
  );
  assert.equal((await stat(join(into, "net-0", "config", "node_key.json"))).mode & 0o777, 0o600);
  const wal = await stat(join(into, "net-0", "data", "wal", "000001.log"));
  assert.equal(wal.size, (1 << 20) + 4);
  assert.ok(wal.blocks * 512 < 64 * 1024, `the preallocated file stays sparse: ${wal.blocks * 512} bytes`);
});

test("a truncated archive is a UsageError, and nothing unpacked is left", async () => {
  const dir = await temp();
  const file = join(dir, "warm.tgz");
  await writeCheckpointArchive(file, await homes(), manifest());
  await truncate(file, (await stat(file)).size - 200);
  const into = join(dir, "unpacked");
  await assert.rejects(unpackArchive(file, manifest(), into), (err: unknown) => {
    assert.ok(err instanceof UsageError, String(err));
    assert.match(err.message, /damaged/);
    return true;
  });
  await assert.rejects(stat(into), { code: "ENOENT" });
});

test("not an archive, a missing file, or a newer format: a UsageError before anything is unpacked", async () => {
  const dir = await temp();
  await writeFile(join(dir, "plain.txt"), "hello");
  await assert.rejects(readArchiveManifest(join(dir, "plain.txt")), UsageError);
  await assert.rejects(readArchiveManifest(join(dir, "absent.tgz")), /No checkpoint archive/);
  await rawArchive(join(dir, "other.tgz"), [{ name: "README", body: "x" }]);
  await assert.rejects(readArchiveManifest(join(dir, "other.tgz")), /does not start with/);
  await rawArchive(join(dir, "newer.tgz"), [
    { name: ARCHIVE_MANIFEST, body: JSON.stringify(manifest({ format: CHECKPOINT_ARCHIVE_FORMAT + 1 })) },
  ]);
  await assert.rejects(readArchiveManifest(join(dir, "newer.tgz")), (err: unknown) => {
    assert.ok(err instanceof UsageError);
    assert.match(err.message, new RegExp(`format ${CHECKPOINT_ARCHIVE_FORMAT + 1}`));
    return true;
  });
});

test("entries outside the manifest's homes are refused: another node, a parent path, a link out", async () => {
  const dir = await temp();
  const body = JSON.stringify(manifest());
  for (const [i, evil] of [
    { name: "nodes/intruder/config/genesis.json", body: "{}" },
    { name: "nodes/net-0/../../escape", body: "x" },
    { name: "nodes/net-0/link", type: "symlink" as const, linkname: "/etc/passwd" },
    { name: "etc/cron.d/x", body: "x" },
  ].entries()) {
    const file = join(dir, `evil-${i}.tgz`);
    await rawArchive(file, [{ name: ARCHIVE_MANIFEST, body }, evil]);
    const into = join(dir, `into-${i}`);
    await assert.rejects(unpackArchive(file, manifest(), into), /it holds/);
    await assert.rejects(stat(into), { code: "ENOENT" });
  }
  await assert.rejects(stat(join(dir, "escape")), { code: "ENOENT" });
});

test("an archive missing a node's home is not whole", async () => {
  const dir = await temp();
  const file = join(dir, "half.tgz");
  await rawArchive(file, [
    { name: ARCHIVE_MANIFEST, body: JSON.stringify(manifest()) },
    { name: "nodes/net-0/config/genesis.json", body: "{}" },
  ]);
  await assert.rejects(unpackArchive(file, manifest(), join(dir, "into")), /net-full has no home/);
});
