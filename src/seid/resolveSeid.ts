import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { delimiter, join } from "node:path";
import { InfraError } from "../errors/infra.js";
import { logger } from "../internal/debug.js";
import { seidCacheDir } from "./cacheDir.js";
import { SEI_CHAIN_COMMIT } from "./pinned.js";

const log = logger("seid");

/** Where a seid came from, so logs and errors can say which strategy won. */
export type SeidSource = "option" | "SEID_BINARY" | "PATH" | "cache";

/** A resolved seid binary. */
export interface ResolvedSeid {
  path: string;
  source: SeidSource;
}

function found(path: string, source: SeidSource): ResolvedSeid {
  log("seid from %s: %s", source, path);
  return { path, source };
}

async function isExecutable(path: string): Promise<boolean> {
  // X_OK alone also accepts directories (searchable), which cannot be run.
  const isFile = await stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile) return false;
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/**
 * Finds seid for the local mode through a short chain of named strategies:
 * explicit `binary` → `SEID_BINARY` → `seid` on PATH → the install cache.
 * An explicit choice that is not executable is an error, never skipped.
 *
 * @example
 * ```ts
 * import { resolveSeid } from "seinet";
 * const { path, source } = await resolveSeid();
 * ```
 */
export async function resolveSeid(
  options: { binary?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<ResolvedSeid> {
  const env = options.env ?? process.env;
  if (options.binary) {
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
  throw new InfraError("No seid binary found.", {
    metaMessages: [
      "Looked at: the `binary` option, SEID_BINARY, `seid` on PATH, and the install cache.",
      "Fix: run `npx seinet install-seid` (builds the tested sei-chain release once, then cached).",
    ],
  });
}
