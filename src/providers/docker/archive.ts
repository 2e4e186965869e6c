import { posix } from "node:path";
import type { Readable } from "node:stream";
import type Docker from "dockerode";
import type { FileToWrite } from "../../chain/runtime.js";
import { loadOptional } from "./image/dockerHost.js";

/** Owner of every file seinet writes into a home: the image's `sei` user. */
const SEI_UID = 1000;

async function tarStream() {
  return loadOptional("tar-stream", () => import("tar-stream"));
}

/** Reads one file out of a container (running or not) through the archive API. */
export async function readContainerFile(container: Docker.Container, path: string): Promise<string> {
  const { extract } = await tarStream();
  const archive = (await container.getArchive({ path })) as unknown as Readable;
  const ex = extract();
  archive.pipe(ex);
  for await (const entry of ex) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    if (entry.header.type === "file") {
      archive.destroy();
      return Buffer.concat(chunks).toString("utf8");
    }
  }
  throw new Error(`${path} is not a file`);
}

/** Groups items by the directory of their path, keeping order within each group. */
function byDirectory<T>(items: readonly T[], path: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const dir = posix.dirname(path(item));
    groups.set(dir, [...(groups.get(dir) ?? []), item]);
  }
  return groups;
}

/**
 * Reads several files out of a container, one archive call per directory (the
 * engine serves these calls one at a time, about 90 ms each). Meant for small
 * directories such as a home's `config`: the whole directory is streamed.
 */
export async function readContainerFiles(
  container: Docker.Container,
  paths: readonly string[],
): Promise<string[]> {
  const { extract } = await tarStream();
  const found = new Map<string, string>();
  await Promise.all(
    [...byDirectory(paths, (p) => p).keys()].map(async (dir) => {
      const archive = (await container.getArchive({ path: dir })) as unknown as Readable;
      const ex = extract();
      archive.pipe(ex);
      // Entries are named `<basename of dir>/<file>`.
      const top = posix.basename(dir);
      for await (const entry of ex) {
        const chunks: Buffer[] = [];
        for await (const chunk of entry) chunks.push(chunk as Buffer);
        const name = entry.header.name.replace(/\/$/, "");
        if (entry.header.type === "file" && posix.dirname(name) === top) {
          found.set(posix.join(dir, posix.basename(name)), Buffer.concat(chunks).toString("utf8"));
        }
      }
    }),
  );
  return paths.map((path) => {
    const text = found.get(path);
    if (text === undefined) throw new Error(`${path} is not a file`);
    return text;
  });
}

/** Writes several files into a container, owned by the `sei` user: one archive call per directory. */
export async function writeContainerFiles(
  container: Docker.Container,
  files: readonly FileToWrite[],
  mode = 0o644,
): Promise<void> {
  const { pack } = await tarStream();
  await Promise.all(
    [...byDirectory(files, (f) => f.path)].map(async ([dir, group]) => {
      const p = pack();
      for (const f of group) {
        p.entry({ name: posix.basename(f.path), mode: f.mode ?? mode, uid: SEI_UID, gid: SEI_UID }, f.data);
      }
      p.finalize();
      await container.putArchive(p as unknown as NodeJS.ReadableStream, { path: dir });
    }),
  );
}

/** Writes one file into a container through the archive API, owned by the `sei` user. */
export async function writeContainerFile(
  container: Docker.Container,
  path: string,
  data: string,
  mode = 0o644,
): Promise<void> {
  const { pack } = await tarStream();
  const p = pack();
  p.entry({ name: posix.basename(path), mode, uid: SEI_UID, gid: SEI_UID }, data);
  p.finalize();
  await container.putArchive(p as unknown as NodeJS.ReadableStream, { path: posix.dirname(path) });
}

/** Creates a directory and its parents (below `/`), owned by the `sei` user. */
export async function makeContainerDir(container: Docker.Container, path: string): Promise<void> {
  const { pack } = await tarStream();
  const p = pack();
  const parts = path.split("/").filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    p.entry({
      name: `${parts.slice(0, i).join("/")}/`,
      type: "directory",
      mode: 0o755,
      uid: SEI_UID,
      gid: SEI_UID,
    });
  }
  p.finalize();
  await container.putArchive(p as unknown as NodeJS.ReadableStream, { path: "/" });
}

/**
 * Writes a file only the `sei` user may read (mode 0600) at `dir/file` below
 * `base`, making `dir` with mode 0700: for secrets, which never go in labels.
 */
export async function writePrivateFile(
  container: Docker.Container,
  base: string,
  file: { dir: string; name: string; data: string },
): Promise<void> {
  const { pack } = await tarStream();
  const p = pack();
  p.entry({ name: `${file.dir}/`, type: "directory", mode: 0o700, uid: SEI_UID, gid: SEI_UID });
  p.entry({ name: `${file.dir}/${file.name}`, mode: 0o600, uid: SEI_UID, gid: SEI_UID }, file.data);
  p.finalize();
  await container.putArchive(p as unknown as NodeJS.ReadableStream, { path: base });
}
