import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { execa } from "execa";
import { InfraError } from "../errors/infra.js";
import { UsageError } from "../errors/usage.js";
import { abortError, throwIfAborted } from "../internal/abort.js";
import { logger } from "../internal/debug.js";
import { cacheRoot, seidCacheDir } from "./cacheDir.js";
import { installBundle } from "./installBundle.js";
import { type SeidInstallSource, cacheEntry } from "./installedSeids.js";
import { SEI_CHAIN_COMMIT, SEI_CHAIN_MODULE, SEI_CHAIN_RELEASE } from "./pinned.js";
import { checkToolchain } from "./toolchain.js";

const log = logger("seid");
const REF = /^([0-9a-f]{7,40}|v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?)$/;

/** Options of {@link installSeid}. */
export interface InstallSeidOptions {
  /**
   * A prebuilt seid bundle to install instead of building: a
   * `seid-<tag>-linux-amd64.tar.xz` (checked against `sha256`, else the
   * `SHA256SUMS` beside it) or an unpacked bundle directory. Unset: the
   * `SEINET_SEID_BUNDLE` variable, when `ref` is not cached yet; else a Go build.
   */
  from?: string;
  /** Expected sha256 of the `from` archive (64 hex digits). */
  sha256?: string;
  /**
   * sei-chain commit (or module version) to build; defaults to the pinned,
   * tested commit. With a bundle, the commit (or version) it must hold.
   */
  ref?: string;
  /** Reinstall even when cached. */
  force?: boolean;
  /** Called with one line per build stage, for progress output. */
  onProgress?: (message: string) => void;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
}

/** Where the seid landed and whether it came from the cache. */
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
  if (typeof ref !== "string" || !REF.test(ref)) {
    throw new UsageError(
      `Expected \`ref\` to be a sei-chain commit (7-40 hex digits) or a module version, got ${JSON.stringify(ref)}.`,
      {
        field: "ref",
      },
    );
  }
  const bundle = {
    sha256: options.sha256,
    force: options.force,
    signal: options.signal,
    env,
    onProgress: progress,
  };
  if (options.from !== undefined && (typeof options.from !== "string" || options.from === "")) {
    throw new UsageError(`Expected \`from\` to be a bundle path, got ${JSON.stringify(options.from)}.`, {
      field: "from",
    });
  }
  if (options.from) return installBundle({ ...bundle, from: options.from, field: "from", ref: options.ref });
  if (options.sha256 !== undefined && !env.SEINET_SEID_BUNDLE) {
    throw new UsageError(
      "`sha256` checks a bundle archive, but neither `from` nor SEINET_SEID_BUNDLE names one.",
      {
        field: "sha256",
      },
    );
  }
  const signal = options.signal;
  const dir = seidCacheDir(ref, env);
  const binary = join(dir, "bin", "seid");
  const manifest = join(dir, "build.json");
  // An unreadable manifest (e.g. a build killed mid-write) is a cache miss, not a crash.
  const cached = options.force ? undefined : await cacheEntry(dir, ref);
  if (cached) {
    progress(`seid ${ref} is cached at ${binary}`);
    const { version, commit, source, sha256 } = cached;
    return {
      path: binary,
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
    const version = ref === SEI_CHAIN_COMMIT ? SEI_CHAIN_RELEASE : info.Version;
    const commit = /^[0-9a-f]{40}$/.test(ref) ? ref : undefined;
    const ldflags = [
      "-X github.com/cosmos/cosmos-sdk/version.Name=sei",
      "-X github.com/cosmos/cosmos-sdk/version.AppName=seid",
      `-X github.com/cosmos/cosmos-sdk/version.Version=${version}`,
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
      `${JSON.stringify({ module: SEI_CHAIN_MODULE, ref, version, commit, source: "build", moduleVersion: info.Version, go: toolchain.goVersion, builtAt: new Date().toISOString(), durationMs: Math.round(durationMs) }, null, 2)}\n`,
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
