import type { SeidInstallSource } from "./installedSeids.js";

/**
 * Where an install put seid and whether it came from the cache. Its own file
 * so the Go build and the bundle install both return it without importing
 * each other.
 */
export interface InstalledSeid {
  /** `<cacheRoot>/seid/<commit>/bin/seid`. */
  path: string;
  /** The cache key: the commit (or, for a Go build, the ref built). */
  ref: string;
  cached: boolean;
  /** What seid reports, e.g. `v6.6.2` (an older Go build: the module version go resolved). */
  version: string | undefined;
  /** Full sei-chain commit; undefined only for a Go build of a module version. */
  commit: string | undefined;
  /** Unpacked from a prebuilt bundle, or built from Go modules. */
  source: SeidInstallSource;
  /** sha256 of the bundle archive, when installed from one. */
  sha256: string | undefined;
  durationMs: number;
}
