import { createReadStream } from "node:fs";
import { lstat, mkdir, readdir, readlink, symlink } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { Header, Pack } from "tar-stream";
import { throwIfAborted } from "./abort.js";
import { SparseWriter } from "./sparseWriter.js";

/** tar-stream, loaded when an archive is first read or written. */
export async function tarStream(): Promise<typeof import("tar-stream")> {
  return import("tar-stream");
}

/** The tree under `dir` as archive entries, parents first, names sorted (equal trees give equal archives). */
async function* walk(
  dir: string,
  skip: (rel: string) => boolean,
  rel = "",
): AsyncGenerator<{ rel: string; path: string }> {
  for (const name of (await readdir(join(dir, rel))).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    if (skip(r)) continue;
    yield { rel: r, path: join(dir, r) };
    if ((await lstat(join(dir, r))).isDirectory()) yield* walk(dir, skip, r);
  }
}

/** Options of {@link packTree}. */
export interface PackTreeOptions {
  /** Put before every entry's name (for example `nodes/<node>/`). */
  prefix?: string;
  /** Owner written into every header (default: the file's own). */
  owner?: { uid: number; gid: number };
  /** Leaves out a path (relative to `dir`) and, for a directory, all under it. */
  skip?: (rel: string) => boolean;
  signal?: AbortSignal | undefined;
}

/**
 * Adds every directory, file and symlink under `dir` to a tar pack, modes
 * kept. Does not finalize the pack: several trees can share one archive.
 */
export async function packTree(p: Pack, dir: string, options: PackTreeOptions = {}): Promise<void> {
  const prefix = options.prefix ?? "";
  for await (const { rel, path } of walk(dir, options.skip ?? (() => false))) {
    throwIfAborted(options.signal, `archiving ${dir}`);
    const info = await lstat(path);
    const header: Partial<Header> & { name: string } = {
      name: `${prefix}${rel}`,
      mode: info.mode & 0o7777,
      uid: options.owner?.uid ?? info.uid,
      gid: options.owner?.gid ?? info.gid,
      mtime: info.mtime,
    };
    if (info.isDirectory()) p.entry({ ...header, type: "directory" });
    else if (info.isSymbolicLink()) p.entry({ ...header, type: "symlink", linkname: await readlink(path) });
    else if (info.isFile()) await pipeline(createReadStream(path), p.entry({ ...header, size: info.size }));
  }
}

/**
 * Writes one archive entry at `path`: a file sparse (every all-zero block a
 * hole, so a preallocated WAL costs what it holds), a directory, or a
 * symlink. Other entry types are skipped. The parent must exist.
 */
export async function writeEntry(
  entry: AsyncIterable<unknown> & { header: Header; resume(): unknown },
  path: string,
  options: { root?: boolean } = {},
): Promise<void> {
  const { header } = entry;
  const mode = (header.mode ?? 0o644) & 0o7777;
  if (header.type === "file") {
    const out = await SparseWriter.create(path, mode);
    try {
      for await (const chunk of entry) await out.write(chunk as Buffer);
    } catch (err) {
      await out.abandon();
      throw err;
    }
    await out.close();
    return;
  }
  if (header.type === "directory" && !options.root) await mkdir(path, { recursive: true, mode });
  else if (header.type === "symlink") await symlink(header.linkname ?? "", path);
  entry.resume();
}
