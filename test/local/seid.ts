// Finds the real seid the local-mode tests run: the one the environment
// resolves (SEID_BINARY, PATH, the install cache), else the v6.6.2 bundle in
// ../shared/seid/ installed into the cache once. No seid is a setup error,
// never a skip.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureSeid } from "../../src/index.js";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The bundles next to the repository (`../shared/seid/`), when that folder is there. */
export function sharedBundle(version: "v6.6.2" | "v6.5.2" = "v6.6.2"): string | undefined {
  const path = join(repoRoot, "..", "shared", "seid", `seid-${version}-linux-amd64.tar.xz`);
  return existsSync(path) ? path : undefined;
}

/** Environment for the tests' seinet: SEINET_SEID_BUNDLE defaults to the shared v6.6.2 bundle. */
export function seidEnv(): NodeJS.ProcessEnv {
  const bundle = process.env.SEINET_SEID_BUNDLE ?? sharedBundle();
  return bundle ? { ...process.env, SEINET_SEID_BUNDLE: bundle } : { ...process.env };
}

let installed: Promise<string> | undefined;

/**
 * A real seid, installed from the bundle on first use (seconds), then cached.
 * Also sets SEINET_SEID_BUNDLE in this process so `open("local")` finds it.
 */
export function testSeid(): Promise<string> {
  installed ??= (async () => {
    const env = seidEnv();
    if (env.SEINET_SEID_BUNDLE) process.env.SEINET_SEID_BUNDLE = env.SEINET_SEID_BUNDLE;
    const { path } = await ensureSeid({ env, signal: AbortSignal.timeout(300_000) });
    return path;
  })();
  return installed;
}
