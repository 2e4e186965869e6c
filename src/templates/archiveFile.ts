import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { UsageError } from "../errors/usage.js";
import { throwIfAborted } from "../internal/abort.js";
import { packTree, tarStream, writeEntry } from "../internal/treeArchive.js";
import {
  ARCHIVE_MANIFEST,
  type CheckpointArchiveInfo,
  type CheckpointArchiveManifest,
  archiveInfo,
  archiveNodePrefix,
  parseArchiveManifest,
} from "./checkpointArchive.js";

/** gzip level: zeros (a preallocated WAL) and pebble tables gain little from more, and level 1 is several times faster. */
const GZIP_LEVEL = 1;

/**
 * Writes a portable checkpoint: one gzip'd tar, the manifest first, then
 * each node's home from `dir` (`<dir>/<node>/…`) under `nodes/<node>/`. The
 * file is written beside its final name and renamed, mode 0600 (it holds the
 * chain's keys); a failure leaves no file. Resolves with its size in bytes.
 */
export async function writeCheckpointArchive(
  file: string,
  dir: string,
  manifest: CheckpointArchiveManifest,
  signal?: AbortSignal,
): Promise<number> {
  const { pack } = await tarStream();
  const partial = `${file}.partial-${process.pid}`;
  await mkdir(dirname(file), { recursive: true });
  const p = pack();
  const written = pipeline(
    p as unknown as Readable,
    createGzip({ level: GZIP_LEVEL }),
    createWriteStream(partial, { mode: 0o600 }),
    ...(signal ? [{ signal }] : []),
  );
  try {
    const text = `${JSON.stringify(manifest, null, 2)}\n`;
    p.entry({ name: ARCHIVE_MANIFEST, mode: 0o600, mtime: new Date(manifest.checkpoint.createdAt) }, text);
    for (const node of manifest.nodes) {
      throwIfAborted(signal, `exporting checkpoint "${manifest.checkpoint.name}"`);
      await packTree(p, join(dir, node.name), { prefix: archiveNodePrefix(node.name), signal });
    }
    p.finalize();
    await written;
    await rename(partial, file);
    return (await stat(file)).size;
  } catch (err) {
    p.destroy(err as Error);
    await written.catch(() => {});
    await rm(partial, { force: true });
    throw err;
  }
}

/** A damaged archive (bad gzip, bad CRC, truncated tar) as the UsageError a user can act on; anything else as is. */
function damaged(file: string, err: unknown): unknown {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === "ENOENT" && e.path === file) {
    return new UsageError(`No checkpoint archive at "${file}".`, { field: "from", cause: err });
  }
  const zlib = typeof e?.code === "string" && e.code.startsWith("Z_");
  const tar = /tar|header|end of data|unexpected end/i.test(String(e?.message));
  if (!zlib && !tar) return err;
  return new UsageError(`"${file}" is not a seinet checkpoint archive, or it is damaged: ${e.message}.`, {
    field: "from",
    metaMessages: [
      "Export it again (`seinet checkpoint export`), or restore the file from where it was kept.",
    ],
    cause: err,
  });
}

/** Opens `file` as a stream of tar entries. */
async function entries(file: string, signal?: AbortSignal) {
  const { extract } = await tarStream();
  const ex = extract();
  const source = createReadStream(file);
  const done = pipeline(
    source,
    createGunzip(),
    ex as unknown as NodeJS.WritableStream,
    ...(signal ? [{ signal }] : []),
  );
  // Awaited by a reader that reads to the end; one that stops early calls close().
  done.catch(() => {});
  const close = () => {
    source.destroy();
    ex.destroy();
  };
  return { ex, done, close };
}

/**
 * Reads an archive's manifest (its first entry) without unpacking anything:
 * what `up --from` checks before it makes a network.
 */
export async function readArchiveManifest(
  file: string,
  signal?: AbortSignal,
): Promise<CheckpointArchiveManifest> {
  try {
    const { ex, close } = await entries(file, signal);
    try {
      for await (const entry of ex) {
        if (entry.header.name !== ARCHIVE_MANIFEST) break;
        const chunks: Buffer[] = [];
        for await (const chunk of entry) chunks.push(chunk as Buffer);
        return parseArchiveManifest(file, Buffer.concat(chunks).toString("utf8"));
      }
    } finally {
      close();
    }
  } catch (err) {
    throw damaged(file, err);
  }
  throw new UsageError(
    `"${file}" is not a seinet checkpoint archive: it does not start with ${ARCHIVE_MANIFEST}.`,
    {
      field: "from",
    },
  );
}

/**
 * Unpacks the homes of an archive into `into/<node>/…` (files sparse). Only
 * the manifest's nodes are accepted, and no path may leave its home; the
 * gzip checksum is verified at the end. On any failure `into` is removed.
 */
export async function unpackArchive(
  file: string,
  manifest: CheckpointArchiveManifest,
  into: string,
  signal?: AbortSignal,
): Promise<void> {
  await rm(into, { recursive: true, force: true });
  await mkdir(into, { recursive: true });
  const names = new Set(manifest.nodes.map((n) => n.name));
  const { ex, done, close } = await entries(file, signal);
  try {
    for await (const entry of ex) {
      const { name } = entry.header;
      if (name === ARCHIVE_MANIFEST) {
        entry.resume();
        continue;
      }
      const m = /^nodes\/([a-z0-9-]+)\/(.*?)\/?$/.exec(name);
      const rel = m?.[2] ?? "";
      const parts = rel === "" ? [] : rel.split("/");
      const bad =
        !m ||
        !names.has(m[1] as string) ||
        parts.some((part) => part === ".." || part === "" || part === ".") ||
        (rel === "" && entry.header.type !== "directory");
      const badLink =
        entry.header.type === "symlink" && /^\/|(^|\/)\.\.(\/|$)/.test(entry.header.linkname ?? "");
      if (bad || badLink) {
        throw new UsageError(`"${file}" is not a seinet checkpoint archive: it holds "${name}".`, {
          field: "from",
        });
      }
      const path = join(into, m[1] as string, rel);
      // Parents first in seinet's archives; made here too for archives written by other tools.
      await mkdir(dirname(path), { recursive: true });
      await writeEntry(entry, path, { root: rel === "" });
    }
    await done;
    for (const n of names) {
      await stat(join(into, n, "config", "genesis.json")).catch(() => {
        throw new UsageError(`"${file}" is not a whole checkpoint: node ${n} has no home in it.`, {
          field: "from",
        });
      });
    }
  } catch (err) {
    close();
    await rm(into, { recursive: true, force: true });
    throw err instanceof UsageError ? err : damaged(file, err);
  }
}

/**
 * Reads what a portable checkpoint holds, without unpacking it: its chain id,
 * validator count, height and seid. Start a network from it with
 * `createNetwork({ name, validators: info.validators }, { from: file })`.
 *
 * @example
 * ```ts
 * import { open, readCheckpointArchive } from "seinet";
 * const info = await readCheckpointArchive("warm.seinet.tgz");
 * const client = await open("local");
 * const net = await client.createNetwork({ name: "ci", validators: info.validators }, { from: "warm.seinet.tgz" });
 * ```
 */
export async function readCheckpointArchive(
  file: string,
  options: { signal?: AbortSignal } = {},
): Promise<CheckpointArchiveInfo> {
  return archiveInfo(await readArchiveManifest(file, options.signal));
}
