import { constants } from "node:fs";
import { access, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { execa } from "execa";
import { InfraError } from "../../../errors/infra.js";
import { UsageError } from "../../../errors/usage.js";
import { abortError } from "../../../internal/abort.js";
import { logger } from "../../../internal/debug.js";
import { seidCacheDir } from "../../../seid/cacheDir.js";
import { SEI_CHAIN_COMMIT } from "../../../seid/pinned.js";

const log = logger("docker");

/** Where the seid to package comes from, checked before any side effect. */
export type SeidOrigin =
  | { kind: "seid"; binary: string }
  | { kind: "archive"; archive: string }
  | { kind: "dir"; dir: string }
  | { kind: "cache"; binary: string };

/** A seid ready to package: the binary, its `lib/` (if any), and a cleanup. */
export interface SeidPayload {
  binary: string;
  /** `<binary>/../lib`, when it exists: copied whole to /seid/lib. */
  libDir: string | undefined;
  /** What it came from, for messages. */
  what: string;
  /** Removes a temporary unpack; a no-op otherwise. */
  dispose(): Promise<void>;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function isExecutableFile(path: string): Promise<boolean> {
  if (!(await isFile(path))) return false;
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/** `dir/bin/seid`, or the same in `dir`'s only subdirectory (`seid-<tag>-linux-amd64/`). */
async function bundleBinary(dir: string): Promise<string | undefined> {
  const direct = join(dir, "bin", "seid");
  if (await isExecutableFile(direct)) return direct;
  const subdirs = (await readdir(dir, { withFileTypes: true }).catch(() => [])).filter((d) =>
    d.isDirectory(),
  );
  if (subdirs.length !== 1) return undefined;
  const nested = join(dir, (subdirs[0] as { name: string }).name, "bin", "seid");
  return (await isExecutableFile(nested)) ? nested : undefined;
}

/**
 * Picks the seid to package: `seid` → `from` (an archive or an unpacked
 * bundle) → the install cache. Bad input is a UsageError, a missing installed
 * seid an InfraError; nothing is unpacked yet.
 */
export async function locateSeid(
  options: { seid?: string; from?: string },
  env: NodeJS.ProcessEnv,
): Promise<SeidOrigin> {
  const { seid, from } = options;
  if (seid !== undefined && from !== undefined) {
    throw new UsageError("Give either `seid` or `from`, not both.", { field: "seid" });
  }
  if (seid !== undefined) {
    if (typeof seid !== "string" || !(await isExecutableFile(seid))) {
      throw new UsageError(
        `Expected \`seid\` to be an executable seid binary (bin/seid with ../lib beside it), got ${JSON.stringify(seid)}.`,
        { field: "seid" },
      );
    }
    return { kind: "seid", binary: resolve(seid) };
  }
  if (from !== undefined) {
    const info = typeof from === "string" ? await stat(from).catch(() => undefined) : undefined;
    if (info?.isFile() && /\.(tar\.xz|txz)$/.test(from)) return { kind: "archive", archive: resolve(from) };
    if (info?.isDirectory()) {
      if (!(await bundleBinary(from))) {
        throw new UsageError(
          `Expected \`from\` to be a seid bundle directory with an executable bin/seid, got ${JSON.stringify(from)}.`,
          { field: "from" },
        );
      }
      return { kind: "dir", dir: resolve(from) };
    }
    throw new UsageError(
      `Expected \`from\` to be a seid bundle (.tar.xz) or an unpacked bundle directory, got ${JSON.stringify(from)}${info ? "" : " (it does not exist)"}.`,
      { field: "from" },
    );
  }
  const cached = join(seidCacheDir(SEI_CHAIN_COMMIT, env), "bin", "seid");
  if (await isExecutableFile(cached)) return { kind: "cache", binary: cached };
  throw new InfraError("No seid to package into an image.", {
    metaMessages: [
      `Looked at: the \`seid\` option, the \`from\` option, and the install cache (${cached}).`,
      "Fix: pass `seid` (bin/seid of a bundle) or `from` (a seid-<tag>-linux-amd64.tar.xz), or run `npx seinet install-seid`.",
    ],
  });
}

async function libDirOf(binary: string): Promise<string | undefined> {
  const dir = join(dirname(binary), "..", "lib");
  return (await stat(dir).catch(() => undefined))?.isDirectory() ? resolve(dir) : undefined;
}

/** Makes the chosen seid available on disk, unpacking an archive into a temporary directory. */
export async function materializeSeid(origin: SeidOrigin, signal?: AbortSignal): Promise<SeidPayload> {
  const none = async () => {};
  switch (origin.kind) {
    case "seid":
    case "cache":
      return {
        binary: origin.binary,
        libDir: await libDirOf(origin.binary),
        what: origin.binary,
        dispose: none,
      };
    case "dir": {
      const binary = (await bundleBinary(origin.dir)) as string;
      return { binary, libDir: await libDirOf(binary), what: origin.dir, dispose: none };
    }
    case "archive": {
      const into = await mkdtemp(join(tmpdir(), "seinet-image-"));
      const dispose = () => rm(into, { recursive: true, force: true });
      try {
        log("unpacking %s into %s", origin.archive, into);
        await execa("tar", ["-xJf", origin.archive, "-C", into], {
          cancelSignal: signal,
          forceKillAfterDelay: 2_000,
          stdin: "ignore",
        });
      } catch (err) {
        await dispose();
        if (signal?.aborted) throw abortError(signal, `unpacking ${origin.archive}`);
        const { stderr, shortMessage } = err as { stderr?: string; shortMessage?: string };
        throw new InfraError(`tar could not unpack the seid bundle ${origin.archive}.`, {
          metaMessages: [`Command: tar -xJf ${origin.archive} -C ${into}`],
          details: (stderr?.trim() || shortMessage || String(err)).split("\n").slice(-10).join("\n"),
          cause: err,
        });
      }
      const binary = await bundleBinary(into);
      if (!binary) {
        await dispose();
        throw new InfraError(`${origin.archive} is not a seid bundle: it has no executable bin/seid.`, {
          metaMessages: ["Expected layout: seid-<tag>-linux-amd64/{bin/seid,lib/*.so}."],
        });
      }
      return { binary, libDir: await libDirOf(binary), what: origin.archive, dispose };
    }
  }
}
