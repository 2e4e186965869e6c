import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { InfraError } from "../errors/infra.js";

/** sha256 of a file, hex, streamed (bundles are tens of MB). */
export async function sha256File(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path, { signal })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * The sha256 an archive should have: the given one, else its line in a
 * `SHA256SUMS` file beside it (`<hex>  <name>` or `<hex> *<name>`). No checksum
 * at all is an InfraError: an archive is never installed unverified.
 */
export async function expectedSha256(archive: string, given: string | undefined): Promise<string> {
  if (given) return given.toLowerCase();
  const name = basename(archive);
  const sums = join(dirname(archive), "SHA256SUMS");
  const text = await readFile(sums, "utf8").catch(() => undefined);
  for (const line of text?.split("\n") ?? []) {
    const m = /^([0-9a-fA-F]{64})\s+\*?(?:\.\/)?(.+?)\s*$/.exec(line);
    if (m && m[2] === name) return (m[1] as string).toLowerCase();
  }
  throw new InfraError(`No checksum for the seid bundle ${archive}.`, {
    metaMessages: [
      text === undefined ? `There is no ${sums}.` : `${sums} does not list ${name}.`,
      "Fix: pass its sha256 (`--sha256 <hex>` / `sha256`), or put a SHA256SUMS listing it beside it.",
    ],
  });
}
