import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import type Docker from "dockerode";
import { throwIfAborted } from "../../../internal/abort.js";
import { packTree, writeEntry } from "../../../internal/treeArchive.js";
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
 * `skip` leaves paths out.
 */
export async function saveHome(
  container: Docker.Container,
  dir: string,
  signal?: AbortSignal,
  options: { skip?: (rel: string) => boolean } = {},
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
      if (rel && options.skip?.(rel)) {
        entry.resume();
        continue;
      }
      await writeEntry(entry, join(dir, rel), { root: !rel });
    }
  } finally {
    archive.destroy();
  }
}

/**
 * Writes a home saved by {@link saveHome} into a node container (created,
 * not started) through the archive API, owned by the `sei` user. The home
 * must be empty: files it holds and the copy does not would stay. `path`
 * puts it elsewhere (a ceremony container's mount of the node's volume);
 * `skip` leaves paths out.
 */
export async function loadHome(
  container: Docker.Container,
  dir: string,
  signal?: AbortSignal,
  options: { path?: string; skip?: (rel: string) => boolean } = {},
): Promise<void> {
  await loadHomes(container, options.path ?? CONTAINER_HOME, [{ dir, into: "" }], signal, options);
}

/** One home of {@link loadHomes}: a saved home, where it goes, and files that replace (or add to) what it holds. */
export interface HomeLoad {
  /** The saved home on this machine. */
  dir: string;
  /** Where it goes, under the archive's `path`: a directory name such as the node's ("" for `path` itself). */
  into: string;
  /** Written instead of the saved copies, by path relative to the home. */
  files?: readonly { rel: string; data: string }[];
}

/**
 * Writes several homes into one container (a ceremony container that mounts
 * every node's volume) in a single archive call: the engine pays for each
 * call (it unpacks in a process of its own), not for each file. The homes
 * must be empty, as for {@link loadHome}.
 */
export async function loadHomes(
  container: Docker.Container,
  path: string,
  homes: readonly HomeLoad[],
  signal?: AbortSignal,
  options: { skip?: (rel: string) => boolean } = {},
): Promise<void> {
  const { pack } = await tarStream();
  const p = pack();
  const put = container.putArchive(p as unknown as NodeJS.ReadableStream, { path });
  const owner = { uid: SEI_UID, gid: SEI_UID };
  try {
    for (const home of homes) {
      const prefix = home.into ? `${home.into}/` : "";
      const replaced = new Set((home.files ?? []).map((f) => f.rel));
      await packTree(p, home.dir, {
        prefix,
        owner,
        signal,
        skip: (rel) => replaced.has(rel) || (options.skip?.(rel) ?? false),
      });
      for (const f of home.files ?? []) {
        p.entry({ name: `${prefix}${f.rel}`, mode: 0o644, ...owner }, f.data);
      }
    }
    p.finalize();
  } catch (err) {
    p.destroy(err as Error);
    await put.catch(() => {});
    throw err;
  }
  await put;
}
