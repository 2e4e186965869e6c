import { installSeid } from "./installSeid.js";
import { type ResolvedSeid, lookupSeid } from "./resolveSeid.js";

/** Options of {@link ensureSeid}. */
export interface EnsureSeidOptions {
  /** A seid binary path, or an installed version (`v6.5.2`) or commit; see `resolveSeid`. */
  binary?: string;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Called with one line per install stage, when an install happens. */
  onProgress?: (message: string) => void;
}

/**
 * A seid to run, installing it if need be: `resolveSeid`'s chain, else the
 * bundle `SEINET_SEID_BUNDLE` names (unpacked into the cache once), else the
 * InfraError from `resolveSeid`. When `binary` names a version or commit, the
 * bundle must hold it.
 *
 * @example
 * ```ts
 * import { ensureSeid } from "seinet";
 * // SEINET_SEID_BUNDLE=/path/seid-v6.6.2-linux-amd64.tar.xz
 * const { path, source } = await ensureSeid({ signal: AbortSignal.timeout(60_000) });
 * ```
 */
export async function ensureSeid(options: EnsureSeidOptions = {}): Promise<ResolvedSeid> {
  const env = options.env ?? process.env;
  const lookup = await lookupSeid({ binary: options.binary, env });
  if ("resolved" in lookup) return lookup.resolved;
  if (!env.SEINET_SEID_BUNDLE) throw lookup.missing;
  const installed = await installSeid({
    ref: lookup.wanted,
    env,
    signal: options.signal,
    onProgress: options.onProgress,
  });
  return { path: installed.path, source: "SEINET_SEID_BUNDLE" };
}
