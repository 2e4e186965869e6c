import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { cacheRoot } from "./cacheDir.js";
import { isExecutable } from "./isExecutable.js";

/** How a cached seid got there: unpacked from a prebuilt bundle, or built from Go modules. */
export type SeidInstallSource = "bundle" | "build";

/** `<cacheRoot>/seid/<commit>/build.json`: what one cache entry holds. */
export interface SeidManifest {
  /** What `seid version` reports (e.g. `v6.6.2`), or the Go module version of an older build. */
  version?: string;
  /** sei-chain commit; absent only for a Go build of a module version. */
  commit?: string;
  source?: SeidInstallSource;
  /** sha256 of the bundle archive it came from (`null` for an unpacked directory). */
  sha256?: string | null;
  installedAt?: string;
}

/** One seid in the install cache. */
export interface InstalledSeidEntry {
  commit: string | undefined;
  version: string | undefined;
  /** `<cacheRoot>/seid/<dir>/bin/seid`. */
  path: string;
  source: SeidInstallSource;
  sha256: string | undefined;
}

/**
 * Reads a cache entry's build.json. Missing or unreadable (e.g. a build killed
 * mid-write) is `undefined`: a cache miss, never a crash.
 */
export async function readManifest(dir: string): Promise<SeidManifest | undefined> {
  const parsed = await readFile(join(dir, "build.json"), "utf8")
    .then((text) => JSON.parse(text) as unknown)
    .catch(() => undefined);
  return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
    ? (parsed as SeidManifest)
    : undefined;
}

/** A cache entry as listed, if it has a manifest and an executable `bin/seid`. */
export async function cacheEntry(dir: string, name: string): Promise<InstalledSeidEntry | undefined> {
  const manifest = await readManifest(dir);
  const path = join(dir, "bin", "seid");
  if (!manifest || !(await isExecutable(path))) return undefined;
  const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
  return {
    commit: str(manifest.commit) ?? (/^[0-9a-f]{40}$/.test(name) ? name : undefined),
    version: str(manifest.version),
    path,
    source: manifest.source === "bundle" ? "bundle" : "build",
    sha256: str(manifest.sha256),
  };
}

/**
 * Every seid in the install cache (`<cacheRoot>/seid/<commit>/`) with a
 * build.json, sorted by version then commit, so several releases can live side
 * by side and be picked by version.
 *
 * @example
 * ```ts
 * import { listInstalledSeids } from "./seid/installedSeids.js";
 * for (const s of await listInstalledSeids()) console.log(s.version, s.commit, s.path);
 * ```
 */
export async function listInstalledSeids(
  env: NodeJS.ProcessEnv = process.env,
): Promise<InstalledSeidEntry[]> {
  const root = join(cacheRoot(env), "seid");
  const names = await readdir(root).catch(() => [] as string[]);
  const entries = await Promise.all(
    names.filter((n) => !n.startsWith(".")).map((n) => cacheEntry(join(root, n), n)),
  );
  return entries
    .filter((e): e is InstalledSeidEntry => e !== undefined)
    .sort(
      (a, b) =>
        (a.version ?? "").localeCompare(b.version ?? "", "en", { numeric: true }) ||
        (a.commit ?? "").localeCompare(b.commit ?? ""),
    );
}
