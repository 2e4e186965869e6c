// Test helpers: fake seid bundles (a shell script as bin/seid), packed like the real ones.
import { createHash } from "node:crypto";
import { chmod, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { execa } from "execa";

/** The real bundles: `../shared/seid` beside the repository, as `.ci/run` expects them. */
export const SHARED_SEID = fileURLToPath(new URL("../../../shared/seid", import.meta.url));
export const REAL_V662 = join(SHARED_SEID, "seid-v6.6.2-linux-amd64.tar.xz");
export const V662_COMMIT = "3e7d5ddeb06406c6b759d7e8748d972f71d4dd7c";

export interface FakeBundle {
  /** Directory name, e.g. `seid-v9.9.9-linux-amd64`. */
  name: string;
  version: string;
  commit: string;
  /** Exit code of `seid version` (default 0). */
  exitCode?: number;
  /** BUILD.txt content; default names version and commit like the real ones. */
  buildTxt?: string;
}

/** Writes `<dir>/<name>/{bin/seid,lib/libfake.so,BUILD.txt}` and returns the bundle directory. */
export async function fakeBundleDir(dir: string, bundle: FakeBundle): Promise<string> {
  const root = join(dir, bundle.name);
  await mkdir(join(root, "bin"), { recursive: true });
  await mkdir(join(root, "lib"), { recursive: true });
  const seid = join(root, "bin", "seid");
  await writeFile(
    seid,
    [
      "#!/bin/sh",
      '[ "$1" = version ] || exit 3',
      bundle.exitCode
        ? `echo "error while loading shared libraries: libfake.so" >&2; exit ${bundle.exitCode}`
        : "",
      "echo 'name: sei'",
      `echo 'version: ${bundle.version}'`,
      `echo 'commit: ${bundle.commit}'`,
      "echo 'build_tags: netgo,ledger'",
      "",
    ].join("\n"),
  );
  await chmod(seid, 0o755);
  await writeFile(join(root, "lib", "libfake.so"), "not really a library\n");
  await writeFile(
    join(root, "BUILD.txt"),
    bundle.buildTxt ?? `seid ${bundle.version} (sei-chain commit ${bundle.commit}), fake\n`,
  );
  return root;
}

/** Packs a fake bundle as `<dir>/<name>.tar.xz` with a SHA256SUMS beside it; returns the archive. */
export async function fakeBundleArchive(dir: string, bundle: FakeBundle): Promise<string> {
  const src = join(dir, "src");
  await fakeBundleDir(src, bundle);
  const archive = join(dir, `${bundle.name}.tar.xz`);
  await execa("tar", ["-cJf", archive, "-C", src, bundle.name]);
  await writeSums(dir, archive);
  return archive;
}

/** Writes `<dir>/SHA256SUMS` listing `archive` (basename) with its real sha256. */
export async function writeSums(dir: string, archive: string): Promise<string> {
  const sum = createHash("sha256")
    .update(await readFile(archive))
    .digest("hex");
  await writeFile(join(dir, "SHA256SUMS"), `${sum}  ${archive.split("/").pop()}\n`);
  return sum;
}

/** Entries of `<cache>/seid`, [] when it does not exist: the test of "nothing left in the cache". */
export async function seidCacheEntries(cache: string): Promise<string[]> {
  return readdir(join(cache, "seid")).catch(() => []);
}
