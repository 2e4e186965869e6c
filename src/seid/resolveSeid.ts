import { delimiter, join } from "node:path";
import { InfraError } from "../errors/infra.js";
import { logger } from "../internal/debug.js";
import { seidCacheDir } from "./cacheDir.js";
import { type InstalledSeidEntry, listInstalledSeids } from "./installedSeids.js";
import { isExecutable } from "./isExecutable.js";
import { SEI_CHAIN_COMMIT } from "./pinned.js";

const log = logger("seid");

/** Where a seid came from, so logs and errors can say which strategy won. */
export type SeidSource = "option" | "SEID_BINARY" | "PATH" | "cache" | "SEINET_SEID_BUNDLE";

/** A resolved seid binary. */
export interface ResolvedSeid {
  path: string;
  source: SeidSource;
}

/** Options of {@link resolveSeid}. */
export interface ResolveSeidOptions {
  /**
   * A seid binary path, or an installed version (`v6.5.2`) or commit (7–40 hex
   * digits) to pick from the install cache.
   */
  binary?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * The outcome of the resolution chain: a seid, or the InfraError saying none
 * was found (with `wanted` set when a version or commit was asked for).
 * Explicit choices that are not executable throw instead.
 */
export type SeidLookup = { resolved: ResolvedSeid } | { missing: InfraError; wanted?: string };

function found(path: string, source: SeidSource): { resolved: ResolvedSeid } {
  log("seid from %s: %s", source, path);
  return { resolved: { path, source } };
}

/** True when `binary` names an installed version or commit rather than a file. */
export function isSeidVersion(binary: string): boolean {
  return /^(v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?|[0-9a-f]{7,40})$/.test(binary);
}

function describe(e: InstalledSeidEntry): string {
  return `${e.version ?? "unknown version"} (commit ${e.commit ?? "unknown"})`;
}

async function lookupVersion(wanted: string, env: NodeJS.ProcessEnv): Promise<SeidLookup> {
  const installed = await listInstalledSeids(env);
  const matches = installed.filter((e) => e.version === wanted || e.commit?.startsWith(wanted));
  if (matches.length > 1) {
    throw new InfraError(`seid ${wanted} matches several installed seids.`, {
      metaMessages: [...matches.map((e) => `${describe(e)}: ${e.path}`), "Name it by its full commit."],
    });
  }
  const [match] = matches;
  if (match) return found(match.path, "cache");
  log("seid %s is not installed; installed: %o", wanted, installed.map(describe));
  return {
    wanted,
    missing: new InfraError(`seid ${wanted} is not installed.`, {
      metaMessages: [
        installed.length
          ? `Installed: ${installed.map(describe).join(", ")}.`
          : "Nothing is installed in the seid cache.",
        `Fix: run \`npx seinet install-seid --from <bundle>\` with a bundle of seid ${wanted} (${wanted.startsWith("v") ? `seid-${wanted}-linux-amd64.tar.xz` : `sei-chain commit ${wanted}`}).`,
      ],
    }),
  };
}

/**
 * The resolution chain behind {@link resolveSeid}, returning "not found"
 * instead of throwing it, so {@link ensureSeid} can install and retry.
 */
export async function lookupSeid(options: ResolveSeidOptions = {}): Promise<SeidLookup> {
  const env = options.env ?? process.env;
  if (options.binary) {
    if (!options.binary.includes("/") && isSeidVersion(options.binary)) {
      log("looking for seid %s in the install cache", options.binary);
      return lookupVersion(options.binary, env);
    }
    if (await isExecutable(options.binary)) return found(options.binary, "option");
    throw new InfraError(`The seid binary given as \`binary\` is not an executable file: ${options.binary}`);
  }
  if (env.SEID_BINARY) {
    if (await isExecutable(env.SEID_BINARY)) return found(env.SEID_BINARY, "SEID_BINARY");
    throw new InfraError(`SEID_BINARY does not name an executable file: ${env.SEID_BINARY}`);
  }
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, "seid");
    if (await isExecutable(candidate)) return found(candidate, "PATH");
  }
  const cached = join(seidCacheDir(SEI_CHAIN_COMMIT, env), "bin", "seid");
  if (await isExecutable(cached)) return found(cached, "cache");
  log("no seid: not the binary option, SEID_BINARY, PATH, nor %s", cached);
  return {
    missing: new InfraError("No seid binary found.", {
      metaMessages: [
        "Looked at: the `binary` option, SEID_BINARY, `seid` on PATH, and the install cache.",
        "Fix: run `npx seinet install-seid --from <seid-v6.6.2-linux-amd64.tar.xz>` (or without --from, to build the tested sei-chain release), or set SEINET_SEID_BUNDLE to that bundle.",
      ],
    }),
  };
}

/**
 * Finds seid for the local mode through a short chain of named strategies:
 * explicit `binary` → `SEID_BINARY` → `seid` on PATH → the install cache.
 * `binary` may also name an installed version (`v6.5.2`) or commit, picked
 * from the install cache, so several releases can be used side by side.
 * An explicit choice that is not executable is an error, never skipped.
 *
 * @example
 * ```ts
 * import { resolveSeid } from "seinet";
 * const { path, source } = await resolveSeid();
 * const old = await resolveSeid({ binary: "v6.5.2" });
 * ```
 */
export async function resolveSeid(options: ResolveSeidOptions = {}): Promise<ResolvedSeid> {
  const lookup = await lookupSeid(options);
  if ("missing" in lookup) throw lookup.missing;
  return lookup.resolved;
}
