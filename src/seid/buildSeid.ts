import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { logger } from "../internal/debug.js";
import { cacheRoot } from "./cacheDir.js";
import { compileSeid } from "./compileSeid.js";
import { goCommand } from "./goCommand.js";
import type { InstalledSeid } from "./installedSeid.js";
import { SEI_CHAIN_COMMIT, SEI_CHAIN_MODULE, SEI_CHAIN_RELEASE } from "./pinned.js";
import { checkToolchain } from "./toolchain.js";
import { wrapSeiChainModule } from "./wrapSeiChainModule.js";

const log = logger("seid");

/** Options of {@link buildSeid}. */
export interface BuildSeidOptions {
  /** The sei-chain commit or module version to build. */
  ref: string;
  /** The cache entry to fill: `<cacheRoot>/seid/<ref>`. */
  dir: string;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal | undefined;
  progress: (message: string) => void;
  /** `performance.now()` when the install began, for `durationMs`. */
  started: number;
}

/**
 * Builds seid from the Go module through the module proxy, with cgo, into the
 * cache entry `dir` (`bin/seid` and a `build.json` manifest). The build runs in
 * a temp dir beside the cache, removed whatever happens, so a failed build
 * leaves no entry behind.
 */
export async function buildSeid(options: BuildSeidOptions): Promise<InstalledSeid> {
  const { ref, dir, env, signal, progress, started } = options;
  const binary = join(dir, "bin", "seid");
  progress("checking for Go and a C compiler");
  const toolchain = await checkToolchain(env, signal);
  log("toolchain %o", toolchain);
  await mkdir(join(cacheRoot(env), "seid"), { recursive: true });
  const work = await mkdtemp(join(cacheRoot(env), "seid", `.build-${ref.slice(0, 12)}-`));
  const go = goCommand({ go: toolchain.go, cwd: work, env, signal });
  try {
    const moduleVersion = await wrapSeiChainModule(go, ref, progress);
    progress("compiling seid with cgo (the longest step on a cold cache)");
    const version = ref === SEI_CHAIN_COMMIT ? SEI_CHAIN_RELEASE : moduleVersion;
    const commit = /^[0-9a-f]{40}$/.test(ref) ? ref : undefined;
    await compileSeid(go, { version, ref, output: join(work, "seid") });
    await mkdir(join(dir, "bin"), { recursive: true });
    await rename(join(work, "seid"), binary);
    const durationMs = performance.now() - started;
    await writeFile(
      join(dir, "build.json"),
      `${JSON.stringify({ module: SEI_CHAIN_MODULE, ref, version, commit, source: "build", moduleVersion, go: toolchain.goVersion, builtAt: new Date().toISOString(), durationMs: Math.round(durationMs) }, null, 2)}\n`,
    );
    progress(`built seid ${version} in ${(durationMs / 1000).toFixed(0)} s → ${binary}`);
    return {
      path: binary,
      ref,
      cached: false,
      version,
      commit,
      source: "build",
      sha256: undefined,
      durationMs,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
