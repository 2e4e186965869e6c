import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { InfraError } from "../errors/infra.js";
import { UsageError } from "../errors/usage.js";
import { abortError, throwIfAborted } from "../internal/abort.js";
import { logger } from "../internal/debug.js";
import { expectedSha256, sha256File } from "./bundleChecksum.js";
import {
  type Expectation,
  buildTxtExpectations,
  checkConsistent,
  checkExpectations,
  expectedCommit,
  nameExpectation,
  refExpectation,
  reportedExpectation,
  unmet,
} from "./bundleExpectations.js";
import { cacheRoot } from "./cacheDir.js";
import type { InstalledSeid } from "./installedSeid.js";
import { type InstalledSeidEntry, cacheEntry, listInstalledSeids } from "./installedSeids.js";
import { seidVersion } from "./seidVersion.js";
import { bundleRoot, copyBundle, unpackArchive } from "./unpackBundle.js";

const log = logger("seid");

/** Options of {@link installBundle}; `field` names where `from` came from, for messages. */
export interface InstallBundleOptions {
  from: string;
  field: "from" | "SEINET_SEID_BUNDLE";
  sha256?: string;
  ref?: string;
  force?: boolean;
  onProgress: (message: string) => void;
  signal?: AbortSignal;
  env: NodeJS.ProcessEnv;
}

function hit(entry: InstalledSeidEntry, started: number, progress: (m: string) => void): InstalledSeid {
  const commit = entry.commit as string;
  progress(`seid ${entry.version ?? commit} (${commit}) is cached at ${entry.path}`);
  return {
    path: entry.path,
    ref: commit,
    cached: true,
    version: entry.version,
    commit,
    source: entry.source,
    sha256: entry.sha256,
    durationMs: performance.now() - started,
  };
}

/**
 * Moves an unpacked, verified bundle into `<cacheRoot>/seid/<commit>` with one
 * rename. If another process got there first with a complete entry, returns
 * that entry (the caller reports it as a cache hit); a broken leftover, or any
 * entry under `force`, is moved aside into `trash` first.
 */
async function place(
  root: string,
  final: string,
  trash: string,
  force: boolean,
): Promise<InstalledSeidEntry | undefined> {
  try {
    await rename(root, final);
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== "ENOTEMPTY" && code !== "EEXIST") throw err;
  }
  const winner = force ? undefined : await cacheEntry(final, basename(final));
  if (winner) return winner;
  await rename(final, trash).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== "ENOENT") throw err;
  });
  await rename(root, final);
  return undefined;
}

/**
 * Installs seid from a prebuilt bundle (a `.tar.xz`, or an unpacked directory)
 * into `<cacheRoot>/seid/<commit>/`: verify the archive's sha256, unpack into a
 * temp dir beside the cache, run `bin/seid version --long`, check the commit,
 * rename into place, write build.json. Any failure leaves nothing in the cache.
 */
export async function installBundle(options: InstallBundleOptions): Promise<InstalledSeid> {
  const started = performance.now();
  const { env, signal, field, onProgress: progress } = options;
  const from = resolve(options.from);
  if (options.sha256 !== undefined && !/^[0-9a-fA-F]{64}$/.test(options.sha256)) {
    throw new UsageError(`Expected \`sha256\` to be 64 hex digits, got ${JSON.stringify(options.sha256)}.`, {
      field: "sha256",
    });
  }
  const info = await stat(from).catch(() => undefined);
  if (!info) {
    throw new UsageError(
      `${field === "from" ? "`from`" : field} names no seid bundle: ${from} does not exist.`,
      {
        field,
      },
    );
  }
  const isDir = info.isDirectory();
  if (isDir && options.sha256 !== undefined) {
    throw new UsageError(`\`sha256\` applies to an archive, but ${from} is a directory.`, {
      field: "sha256",
    });
  }

  // Which commit this is, as far as can be told without unpacking anything.
  const expectations: Expectation[] = [];
  if (options.ref) expectations.push(refExpectation(options.ref));
  const byName = nameExpectation(from);
  if (byName) expectations.push(byName);
  checkConsistent(expectations, from);
  const dirRoot = isDir ? await bundleRoot(from, from) : undefined;
  if (dirRoot) {
    expectations.push(
      ...buildTxtExpectations(await readFile(join(dirRoot, "BUILD.txt"), "utf8").catch(() => "")),
    );
    const inPlace = await seidVersion(join(dirRoot, "bin", "seid"), from, signal);
    const known = reportedExpectation(inPlace);
    checkExpectations(inPlace, known ? [...expectations, known] : expectations, from);
    expectations.push({ why: `its seid reports ${inPlace.version}`, commit: inPlace.commit });
  }
  const seidDir = join(cacheRoot(env), "seid");
  const commitHint = expectedCommit(expectations);
  const usable = (e: InstalledSeidEntry | undefined): e is InstalledSeidEntry =>
    e?.commit !== undefined &&
    unmet(e, expectations).length === 0 &&
    (options.sha256 === undefined || e.sha256 === undefined || e.sha256 === options.sha256.toLowerCase());
  if (!options.force && commitHint) {
    const entry = await cacheEntry(join(seidDir, commitHint), commitHint);
    if (usable(entry)) return hit(entry, started, progress);
  }

  let sha256: string | undefined;
  if (!isDir) {
    const want = await expectedSha256(from, options.sha256);
    progress(`verifying the sha256 of ${from}`);
    const got = await sha256File(from, signal).catch((err: unknown) => {
      if (signal?.aborted) throw abortError(signal, `hashing ${from}`);
      throw new InfraError(`Could not read the seid bundle ${from}.`, { cause: err, details: String(err) });
    });
    if (got !== want) {
      throw new InfraError(`The seid bundle ${from} fails its checksum.`, {
        metaMessages: [
          `Expected sha256 ${want} (${options.sha256 ? "given" : "from SHA256SUMS beside it"}).`,
          `Actual sha256   ${got}.`,
        ],
      });
    }
    sha256 = got;
    if (!options.force && !commitHint) {
      const entry = (await listInstalledSeids(env)).find((e) => e.sha256 === got);
      if (usable(entry)) return hit(entry, started, progress);
    }
  }

  throwIfAborted(signal, `installing seid from ${from}`);
  await mkdir(seidDir, { recursive: true });
  const tmp = await mkdtemp(join(seidDir, ".bundle-"));
  try {
    const into = join(tmp, "unpacked");
    await mkdir(into);
    progress(isDir ? `copying ${dirRoot}` : `unpacking ${from}`);
    const root = dirRoot ? await copyBundle(dirRoot, into) : await unpackArchive(from, into, signal);
    throwIfAborted(signal, `installing seid from ${from}`);
    progress("checking bin/seid version --long");
    const reported = await seidVersion(join(root, "bin", "seid"), from, signal);
    const inside = buildTxtExpectations(await readFile(join(root, "BUILD.txt"), "utf8").catch(() => ""));
    const known = reportedExpectation(reported);
    checkExpectations(reported, [...expectations, ...inside, ...(known ? [known] : [])], from);
    const manifest = {
      version: reported.version,
      commit: reported.commit,
      source: "bundle",
      sha256: sha256 ?? null,
      installedAt: new Date().toISOString(),
      from,
    };
    await writeFile(join(root, "build.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    throwIfAborted(signal, `installing seid from ${from}`);
    const final = join(seidDir, reported.commit);
    const winner = await place(root, final, join(tmp, "replaced"), options.force === true);
    if (winner) {
      log("another install of %s won the race; using it", reported.commit);
      return hit(winner, started, progress);
    }
    const path = join(final, "bin", "seid");
    const durationMs = performance.now() - started;
    progress(
      `installed seid ${reported.version} (${reported.commit}) in ${(durationMs / 1000).toFixed(1)} s → ${path}`,
    );
    return {
      path,
      ref: reported.commit,
      cached: false,
      version: reported.version,
      commit: reported.commit,
      source: "bundle",
      sha256,
      durationMs,
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
