import { createReadStream } from "node:fs";
import { lstat, mkdir, readdir, readlink, symlink } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type Docker from "dockerode";
import { throwIfAborted } from "../../../internal/abort.js";
import { SparseWriter } from "../../../internal/sparseWriter.js";
import { loadOptional } from "../image/dockerHost.js";
import { CONTAINER_HOME } from "../names.js";

/** Owner of a node's home in its container: the image's `sei` user. */
const SEI_UID = 1000;

async function tarStream() {
  return loadOptional("tar-stream", () => import("tar-stream"));
}

/** A path inside the home archive, without its top directory (`.sei/`); empty for the top itself. */
function inside(name: string): string {
  const slash = name.indexOf("/");
  return slash < 0 ? "" : name.slice(slash + 1).replace(/\/$/, "");
}

/**
 * Copies a (stopped) node container's home out through the archive API into
 * `dir` on this machine, every all-zero block left as a hole: the engine
 * sends a preallocated WAL at its full length, the copy keeps what it holds.
 */
export async function saveHome(
  container: Docker.Container,
  dir: string,
  signal?: AbortSignal,
): Promise<void> {
  const { extract } = await tarStream();
  await mkdir(dir, { recursive: true });
  const archive = (await container.getArchive({ path: CONTAINER_HOME })) as unknown as Readable;
  const ex = extract();
  // Iterated at once: an entry the extractor emits before anyone listens is lost, and the stream stalls.
  archive.pipe(ex);
  try {
    for await (const entry of ex) {
      throwIfAborted(signal, `copying the home of ${dir}`);
      const rel = inside(entry.header.name);
      const path = join(dir, rel);
      const mode = (entry.header.mode ?? 0o644) & 0o7777;
      if (entry.header.type === "file") {
        const out = await SparseWriter.create(path, mode);
        try {
          for await (const chunk of entry) await out.write(chunk as Buffer);
        } catch (err) {
          await out.abandon();
          throw err;
        }
        await out.close();
        continue;
      }
      if (entry.header.type === "directory" && rel) await mkdir(path, { recursive: true, mode });
      else if (entry.header.type === "symlink") await symlink(entry.header.linkname ?? "", path);
      entry.resume();
    }
  } finally {
    archive.destroy();
  }
}

/** The tree under `dir` as archive entries, parents first. */
async function* walk(dir: string, rel = ""): AsyncGenerator<{ rel: string; path: string }> {
  for (const name of (await readdir(join(dir, rel))).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    yield { rel: r, path: join(dir, r) };
    if ((await lstat(join(dir, r))).isDirectory()) yield* walk(dir, r);
  }
}

/**
 * Writes a home saved by {@link saveHome} into a node container (created,
 * not started) through the archive API, owned by the `sei` user. The home
 * must be empty: files it holds and the copy does not would stay.
 */
export async function loadHome(
  container: Docker.Container,
  dir: string,
  signal?: AbortSignal,
): Promise<void> {
  const { pack } = await tarStream();
  const p = pack();
  const put = container.putArchive(p as unknown as NodeJS.ReadableStream, { path: CONTAINER_HOME });
  try {
    for await (const { rel, path } of walk(dir)) {
      throwIfAborted(signal, `copying the home of ${dir}`);
      const info = await lstat(path);
      const header = { name: rel, mode: info.mode & 0o7777, uid: SEI_UID, gid: SEI_UID, mtime: info.mtime };
      if (info.isDirectory()) p.entry({ ...header, type: "directory" });
      else if (info.isSymbolicLink()) p.entry({ ...header, type: "symlink", linkname: await readlink(path) });
      else await pipeline(createReadStream(path), p.entry({ ...header, size: info.size }));
    }
    p.finalize();
  } catch (err) {
    p.destroy(err as Error);
    await put.catch(() => {});
    throw err;
  }
  await put;
}
