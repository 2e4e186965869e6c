import { UsageError } from "../errors/usage.js";

/** Options of `installSeid`. */
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

const REF = /^([0-9a-f]{7,40}|v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?)$/;

/**
 * Checks `installSeid`'s options before anything is read or written: `ref` a
 * commit or module version, `from` a non-empty path, and `sha256` only where
 * there is an archive to check (`from`, or `SEINET_SEID_BUNDLE`). Each problem
 * is a UsageError naming the field.
 */
export function checkInstallSeidOptions(
  options: InstallSeidOptions,
  ref: string,
  env: NodeJS.ProcessEnv,
): void {
  if (typeof ref !== "string" || !REF.test(ref)) {
    throw new UsageError(
      `Expected \`ref\` to be a sei-chain commit (7-40 hex digits) or a module version, got ${JSON.stringify(ref)}.`,
      { field: "ref" },
    );
  }
  if (options.from !== undefined && (typeof options.from !== "string" || options.from === "")) {
    throw new UsageError(`Expected \`from\` to be a bundle path, got ${JSON.stringify(options.from)}.`, {
      field: "from",
    });
  }
  if (!options.from && options.sha256 !== undefined && !env.SEINET_SEID_BUNDLE) {
    throw new UsageError(
      "`sha256` checks a bundle archive, but neither `from` nor SEINET_SEID_BUNDLE names one.",
      { field: "sha256" },
    );
  }
}
