import { join } from "node:path";
import { logger } from "../internal/debug.js";
import { buildSeid } from "./buildSeid.js";
import { seidCacheDir } from "./cacheDir.js";
import { installBundle } from "./installBundle.js";
import { type InstallSeidOptions, checkInstallSeidOptions } from "./installSeidOptions.js";
import type { InstalledSeid } from "./installedSeid.js";
import { cacheEntry } from "./installedSeids.js";
import { SEI_CHAIN_COMMIT } from "./pinned.js";

export type { InstallSeidOptions } from "./installSeidOptions.js";
export type { InstalledSeid } from "./installedSeid.js";

const log = logger("seid");

/**
 * Installs seid into a cache keyed by commit (`<cacheRoot>/seid/<commit>/`);
 * a second call is a cache hit. With `from` (or `SEINET_SEID_BUNDLE`) it
 * unpacks a prebuilt, checksummed bundle; otherwise it builds `seid` from the
 * Go module through the module proxy, with cgo. `go install …@ver` refuses
 * sei-chain (its go.mod has replace lines), so a wrapper module copies them.
 *
 * @example
 * ```ts
 * import { installSeid } from "seinet";
 * const { path, version } = await installSeid({ from: "seid-v6.6.2-linux-amd64.tar.xz", onProgress: console.error });
 * ```
 */
export async function installSeid(options: InstallSeidOptions = {}): Promise<InstalledSeid> {
  const started = performance.now();
  const ref = options.ref ?? SEI_CHAIN_COMMIT;
  const env = options.env ?? process.env;
  const progress = options.onProgress ?? (() => {});
  const signal = options.signal;
  checkInstallSeidOptions(options, ref, env);
  const bundle = { sha256: options.sha256, force: options.force, signal, env, onProgress: progress };
  if (options.from) return installBundle({ ...bundle, from: options.from, field: "from", ref: options.ref });
  const dir = seidCacheDir(ref, env);
  // An unreadable manifest (e.g. a build killed mid-write) is a cache miss, not a crash.
  const cached = options.force ? undefined : await cacheEntry(dir, ref);
  if (cached) {
    const path = join(dir, "bin", "seid");
    progress(`seid ${ref} is cached at ${path}`);
    const { version, commit, source, sha256 } = cached;
    return {
      path,
      ref,
      cached: true,
      version,
      commit,
      source,
      sha256,
      durationMs: performance.now() - started,
    };
  }
  if (env.SEINET_SEID_BUNDLE) {
    log("installing from SEINET_SEID_BUNDLE=%s", env.SEINET_SEID_BUNDLE);
    return installBundle({
      ...bundle,
      from: env.SEINET_SEID_BUNDLE,
      field: "SEINET_SEID_BUNDLE",
      ref: options.ref,
    });
  }
  return buildSeid({ ref, dir, env, signal, progress, started });
}
