import { createReadStream } from "node:fs";
import { link, lstat, mkdir, readdir, readlink, stat, symlink } from "node:fs/promises";
import { join } from "node:path";
import { throwIfAborted } from "./abort.js";
import { SparseWriter } from "./sparseWriter.js";

/** Options of {@link copyTree}. */
export interface CopyTreeOptions {
  /** Files safe to share by hard link (never written again once made); the rest are copied. */
  link?: (path: string) => boolean;
  signal?: AbortSignal | undefined;
}

/**
 * Files of a seid home never written again once made, so a hard link is a
 * copy: pebble tables, and the content-addressed wasm code and compiled
 * modules (about 17 MB per home on a new chain).
 */
export const isImmutableFile = (path: string): boolean =>
  path.endsWith(".sst") || (/\/wasm\//.test(path) && (path.endsWith(".wasm") || path.endsWith(".module")));

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

/**
 * Copies a directory tree: files `link` accepts are hard-linked, the rest
 * copied sparse; modes and symlinks kept. The target must not exist.
 */
export async function copyTree(from: string, to: string, options: CopyTreeOptions = {}): Promise<void> {
  throwIfAborted(options.signal, `copying ${from}`);
  await mkdir(to, { mode: (await stat(from)).mode & 0o7777 });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const src = join(from, entry.name);
    const dst = join(to, entry.name);
    if (entry.isDirectory()) await copyTree(src, dst, options);
    else if (entry.isSymbolicLink()) await symlink(await readlink(src), dst);
    else if (entry.isFile()) {
      if (options.link?.(src)) {
        // Another filesystem (a cache on another disk) cannot share the inode: copied instead.
        await link(src, dst).catch(async (err: NodeJS.ErrnoException) => {
          if (err.code !== "EXDEV") throw err;
          await copyFileSparse(src, dst, (await lstat(src)).mode & 0o7777);
        });
      } else await copyFileSparse(src, dst, (await lstat(src)).mode & 0o7777);
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
