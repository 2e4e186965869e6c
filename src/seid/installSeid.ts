import { access, mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { execa } from "execa";
import { InfraError } from "../errors/infra.js";
import { UsageError } from "../errors/usage.js";
import { abortError, throwIfAborted } from "../internal/abort.js";
import { logger } from "../internal/debug.js";
import { cacheRoot, seidCacheDir } from "./cacheDir.js";
import { SEI_CHAIN_COMMIT, SEI_CHAIN_MODULE, SEI_CHAIN_RELEASE } from "./pinned.js";
import { checkToolchain } from "./toolchain.js";

const log = logger("seid");
const REF = /^([0-9a-f]{7,40}|v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?)$/;

/** Options of {@link installSeid}. */
export interface InstallSeidOptions {
  /** sei-chain commit (or module version) to build; defaults to the pinned, tested commit. */
  ref?: string;
  /** Rebuild even when cached. */
  force?: boolean;
  /** Called with one line per build stage, for progress output. */
  onProgress?: (message: string) => void;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
}

/** Where the build landed and whether it came from the cache. */
export interface InstalledSeid {
  path: string;
  ref: string;
  cached: boolean;
  /** Module version go resolved (a pseudo-version for a commit). */
  version: string | undefined;
  durationMs: number;
}

interface ModuleInfo {
  Version: string;
  GoMod: string;
  Error?: string;
}

interface ModFileJson {
  Replace?: { Old: { Path: string; Version?: string }; New: { Path: string; Version?: string } }[];
}

/**
 * What go said when it failed: stderr, else the `Error` of a `-json` answer on
 * stdout (`go mod download -json` reports a refused module there).
 */
function goFailure(err: unknown): string {
  const { stderr, stdout } = err as { stderr?: string; stdout?: string };
  let text = stderr?.trim() ?? "";
  if (!text && stdout) {
    try {
      text = (JSON.parse(stdout) as { Error?: string }).Error ?? stdout.trim();
    } catch {
      text = stdout.trim();
    }
  }
  return (text || String(err)).split("\n").slice(-15).join("\n");
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * Builds `seid` from the Go module through the module proxy, with cgo, into a
 * versioned cache; a second call is a cache hit. `go install …@ver` refuses
 * sei-chain (its go.mod has replace lines), so a wrapper module copies them.
 *
 * @example
 * ```ts
 * import { installSeid } from "seinet";
 * const { path } = await installSeid({ onProgress: console.error });
 * ```
 */
export async function installSeid(options: InstallSeidOptions = {}): Promise<InstalledSeid> {
  const started = performance.now();
  const ref = options.ref ?? SEI_CHAIN_COMMIT;
  if (typeof ref !== "string" || !REF.test(ref)) {
    throw new UsageError(
      `Expected \`ref\` to be a sei-chain commit (7-40 hex digits) or a module version, got ${JSON.stringify(ref)}.`,
      {
        field: "ref",
      },
    );
  }
  const env = options.env ?? process.env;
  const signal = options.signal;
  const progress = options.onProgress ?? (() => {});
  const dir = seidCacheDir(ref, env);
  const binary = join(dir, "bin", "seid");
  const manifest = join(dir, "build.json");
  if (!options.force && (await exists(binary)) && (await exists(manifest))) {
    // An unreadable manifest (e.g. a build killed mid-write) is a cache miss, not a crash.
    const cachedManifest = await readFile(manifest, "utf8")
      .then((text) => JSON.parse(text) as unknown)
      .catch(() => undefined);
    if (typeof cachedManifest === "object" && cachedManifest !== null) {
      const { version } = cachedManifest as { version?: string };
      progress(`seid ${ref} is cached at ${binary}`);
      return { path: binary, ref, cached: true, version, durationMs: performance.now() - started };
    }
  }

  progress("checking for Go and a C compiler");
  const toolchain = await checkToolchain(env, signal);
  log("toolchain %o", toolchain);
  await mkdir(join(cacheRoot(env), "seid"), { recursive: true });
  const work = await mkdtemp(join(cacheRoot(env), "seid", `.build-${ref.slice(0, 12)}-`));
  const go = async (args: string[], what: string): Promise<string> => {
    throwIfAborted(signal, what);
    log("go %s", args.join(" "));
    try {
      const result = await execa(toolchain.go, args, {
        cwd: work,
        env: { ...env, CGO_ENABLED: "1", GOFLAGS: "-mod=mod" },
        cancelSignal: signal,
        forceKillAfterDelay: 5_000,
      });
      return result.stdout;
    } catch (err) {
      if (signal?.aborted) throw abortError(signal, what);
      throw new InfraError(`seid build failed while ${what}.`, {
        details: goFailure(err),
        metaMessages: [`Command: ${toolchain.go} ${args.join(" ")}`],
        cause: err,
      });
    }
  };

  try {
    await go(["mod", "init", "seinet.local/seid-build"], "creating the wrapper module");
    progress(`resolving ${SEI_CHAIN_MODULE}@${ref} through the Go module proxy`);
    const info = JSON.parse(
      await go(
        ["mod", "download", "-json", `${SEI_CHAIN_MODULE}@${ref}`],
        `downloading ${SEI_CHAIN_MODULE}@${ref}`,
      ),
    ) as ModuleInfo;
    if (info.Error)
      throw new InfraError(`The Go module proxy did not serve ${SEI_CHAIN_MODULE}@${ref}.`, {
        details: info.Error,
      });
    const modJson = JSON.parse(
      await go(["mod", "edit", "-json", info.GoMod], "reading sei-chain's go.mod"),
    ) as ModFileJson;
    const edits = [`-require=${SEI_CHAIN_MODULE}@${info.Version}`];
    for (const r of modJson.Replace ?? []) {
      const old = r.Old.Version ? `${r.Old.Path}@${r.Old.Version}` : r.Old.Path;
      const target = r.New.Version ? `${r.New.Path}@${r.New.Version}` : r.New.Path;
      if (!r.New.Version) continue; // a local-path replace cannot be reproduced outside its repository
      edits.push(`-replace=${old}=${target}`);
    }
    await go(["mod", "edit", ...edits], "copying sei-chain's replace lines");
    progress(`downloading seid's dependencies (${edits.length - 1} replaced modules)`);
    await go(["get", `${SEI_CHAIN_MODULE}/cmd/seid@${info.Version}`], "resolving seid's dependencies");
    progress("compiling seid with cgo (the longest step on a cold cache)");
    const ldflags = [
      "-X github.com/cosmos/cosmos-sdk/version.Name=sei",
      "-X github.com/cosmos/cosmos-sdk/version.AppName=seid",
      `-X github.com/cosmos/cosmos-sdk/version.Version=${ref === SEI_CHAIN_COMMIT ? SEI_CHAIN_RELEASE : info.Version}`,
      `-X github.com/cosmos/cosmos-sdk/version.Commit=${ref}`,
    ].join(" ");
    await go(
      ["build", "-ldflags", ldflags, "-o", join(work, "seid"), `${SEI_CHAIN_MODULE}/cmd/seid`],
      "compiling seid",
    );
    await mkdir(join(dir, "bin"), { recursive: true });
    await rename(join(work, "seid"), binary);
    const durationMs = performance.now() - started;
    await writeFile(
      manifest,
      `${JSON.stringify({ module: SEI_CHAIN_MODULE, ref, version: info.Version, go: toolchain.goVersion, builtAt: new Date().toISOString(), durationMs: Math.round(durationMs) }, null, 2)}\n`,
    );
    progress(`built seid ${info.Version} in ${(durationMs / 1000).toFixed(0)} s → ${binary}`);
    return { path: binary, ref, cached: false, version: info.Version, durationMs };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
