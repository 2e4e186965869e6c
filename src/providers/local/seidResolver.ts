import { ensureSeid } from "../../seid/ensureSeid.js";
import { seidVersion } from "../../seid/seidVersion.js";
import type { SeidRef } from "./records.js";

/** Finds the seid a network or node runs: a path or an installed version, else the default chain. */
export type SeidResolver = (binary: string | undefined, signal: AbortSignal | undefined) => Promise<SeidRef>;

/**
 * The resolver the local mode uses: `ensureSeid` (spec → SEID_BINARY → PATH →
 * cache → SEINET_SEID_BUNDLE), plus the version and commit seid reports,
 * remembered per path for the life of the provider.
 */
export function seidResolver(env: NodeJS.ProcessEnv, onProgress?: (line: string) => void): SeidResolver {
  const versions = new Map<string, Promise<{ version: string; commit: string }>>();
  return async (binary, signal) => {
    const { path } = await ensureSeid({ binary, env, signal, onProgress });
    let known = versions.get(path);
    if (!known) {
      known = seidVersion(path, path, signal);
      versions.set(path, known);
      known.catch(() => versions.delete(path));
    }
    const { version, commit } = await known;
    return { path, version, commit };
  };
}
