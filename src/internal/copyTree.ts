import { createReadStream } from "node:fs";
import { copyFile, link, lstat, mkdir, readdir, readlink, stat, symlink } from "node:fs/promises";
import { join } from "node:path";
import { throwIfAborted } from "./abort.js";
import { SparseWriter } from "./sparseWriter.js";

/** Options of {@link copyTree}. */
export interface CopyTreeOptions {
  /** Files safe to share by hard link with the source (never written again once made); the rest are copied. */
  link?: (path: string) => boolean;
  /**
   * Files named by their content: copied once per `seen` map, then
   * hard-linked to that first copy (by their path inside the tree). Several
   * homes of one network copied with one map, even at once, hold wasm code
   * once: the map holds each first copy while it is made.
   */
  dedupe?: { match: (path: string) => boolean; seen: Map<string, Promise<string>> };
  /** Paths inside the tree (`data/x`, relative, `/`-separated) left out, with everything under them. */
  skip?: (rel: string) => boolean;
  signal?: AbortSignal | undefined;
}

/**
 * Files of a seid home never written again once made, so a hard link to the
 * running node's own file is a copy: pebble tables. (Wasm code and compiled
 * modules are named by content but not immutable: seid rewrites them in
 * place, truncating first, when it starts; see {@link isContentAddressed}.)
 */
export const isImmutableFile = (path: string): boolean => path.endsWith(".sst");

/**
 * Wasm code and compiled modules (about 17 MB per home on a new chain): the
 * same path holds the same bytes in every home of a chain, so copies of
 * several homes can share one private copy ({@link CopyTreeOptions.dedupe}).
 */
export const isContentAddressed = (path: string): boolean =>
  /\/wasm\//.test(path) && (path.endsWith(".wasm") || path.endsWith(".module"));

/** Copies one file, all-zero blocks left as holes. */
export async function copyFileSparse(from: string, to: string, mode: number): Promise<void> {
  const out = await SparseWriter.create(to, mode);
  try {
    for await (const chunk of createReadStream(from, { highWaterMark: 1 << 20 })) {
      await out.write(chunk as Buffer);
    }
  } catch (err) {
    await out.abandon();
    throw err;
  }
  await out.close();
}

/** Files up to this size are copied whole: their zero blocks, if any, cost less than reading for them. */
const SMALL_FILE = 64 << 10;

/**
 * Copies one file. Wasm code and small files are copied in the kernel
 * (copy_file_range: a home's 17 MB of wasm in a tenth of the time of reading
 * it through this process); the rest, such as a pebble WAL preallocated to
 * tens of megabytes of zeros that count as allocated, are read for their
 * zero blocks, which stay holes.
 */
async function copyFileFast(src: string, dst: string): Promise<void> {
  const info = await lstat(src);
  if (isContentAddressed(src) || info.size <= SMALL_FILE) await copyFile(src, dst);
  else await copyFileSparse(src, dst, info.mode & 0o7777);
}

/** One file of a tree: hard-linked when `link` accepts it (and the filesystem allows), else copied. */
async function copyFile1(src: string, dst: string, options: CopyTreeOptions): Promise<void> {
  if (!options.link?.(src)) return copyFileFast(src, dst);
  // Another filesystem (a cache on another disk) cannot share the inode: copied instead.
  await link(src, dst).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== "EXDEV") throw err;
    await copyFileFast(src, dst);
  });
}

/**
 * Copies a directory tree: files `link` accepts are hard-linked, those
 * `dedupe` has seen linked to their first copy, the rest copied (sparse
 * files kept sparse);
 * modes and symlinks kept. The target must not exist.
 */
export async function copyTree(
  from: string,
  to: string,
  options: CopyTreeOptions = {},
  rel = "",
): Promise<void> {
  throwIfAborted(options.signal, `copying ${from}`);
  await mkdir(to, { mode: (await stat(from)).mode & 0o7777 });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const src = join(from, entry.name);
    const dst = join(to, entry.name);
    const inside = rel ? `${rel}/${entry.name}` : entry.name;
    const dedupe = options.dedupe;
    if (options.skip?.(inside)) continue;
    if (entry.isDirectory()) await copyTree(src, dst, options, inside);
    else if (entry.isSymbolicLink()) await symlink(await readlink(src), dst);
    else if (entry.isFile()) {
      const shared = dedupe?.match(src);
      const first = shared ? dedupe?.seen.get(inside) : undefined;
      if (first !== undefined) await link(await first, dst);
      else {
        const made = copyFile1(src, dst, options).then(() => dst);
        if (shared) dedupe?.seen.set(inside, made);
        await made;
      }
    }
  }
}

/**
 * Bytes a tree takes on disk: allocated blocks, each inode once (hard links
 * shared with another tree count here too: they are what keeps them alive).
 */
export async function diskUsage(path: string, seen = new Set<number>()): Promise<number> {
  const info = await lstat(path);
  if (seen.has(info.ino)) return 0;
  seen.add(info.ino);
  let total = info.blocks * 512;
  if (info.isDirectory()) {
    for (const name of await readdir(path)) total += await diskUsage(join(path, name), seen);
  }
  return total;
}
