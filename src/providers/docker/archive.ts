import { posix } from "node:path";
import type { Readable } from "node:stream";
import type Docker from "dockerode";
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
