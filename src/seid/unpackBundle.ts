import { cp, readdir } from "node:fs/promises";
import { join } from "node:path";
import { execa } from "execa";
import { InfraError } from "../errors/infra.js";
import { abortError } from "../internal/abort.js";
import { isExecutable } from "./isExecutable.js";

/**
 * The directory of a bundle that holds `bin/seid`: `dir` itself, or its only
 * subdirectory (`seid-<tag>-linux-amd64/`). Anything else is an InfraError.
 */
export async function bundleRoot(dir: string, what: string): Promise<string> {
  if (await isExecutable(join(dir, "bin", "seid"))) return dir;
  const subdirs = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory());
  const only = subdirs.length === 1 ? join(dir, (subdirs[0] as { name: string }).name) : undefined;
  if (only && (await isExecutable(join(only, "bin", "seid")))) return only;
  throw new InfraError(`${what} is not a seid bundle: it has no executable bin/seid.`, {
    metaMessages: ["Expected layout: seid-<tag>-linux-amd64/{bin/seid,lib/*.so,BUILD.txt}."],
  });
}

/**
 * Unpacks an archive with the system `tar -xJf` into `into`, and returns the
 * bundle's root there. A truncated or corrupt archive is an InfraError quoting tar.
 */
export async function unpackArchive(archive: string, into: string, signal?: AbortSignal): Promise<string> {
  try {
    await execa("tar", ["-xJf", archive, "-C", into], {
      cancelSignal: signal,
      forceKillAfterDelay: 2_000,
      stdin: "ignore",
    });
  } catch (err) {
    if (signal?.aborted) throw abortError(signal, `unpacking ${archive}`);
    const { stderr, shortMessage } = err as { stderr?: string; shortMessage?: string };
    throw new InfraError(`The seid bundle ${archive} is corrupt: tar could not unpack it.`, {
      metaMessages: [`Command: tar -xJf ${archive} -C ${into}`],
      details: (stderr?.trim() || shortMessage || String(err)).split("\n").slice(-10).join("\n"),
      cause: err,
    });
  }
  return bundleRoot(into, archive);
}

/** Copies an unpacked bundle's root (symlinks kept as they are) to `into/bundle`. */
export async function copyBundle(root: string, into: string): Promise<string> {
  const target = join(into, "bundle");
  await cp(root, target, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  return target;
}
