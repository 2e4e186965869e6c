import { execa } from "execa";
import { InfraError } from "../errors/infra.js";
import { abortError } from "../internal/abort.js";

/** What a seid binary says it is. */
export interface SeidVersion {
  /** e.g. `v6.6.2`. */
  version: string;
  /** Full sei-chain commit. */
  commit: string;
}

/** Parses the YAML-ish `seid version --long` output (`version: v6.6.2`, `commit: 3e7d…`). */
export function parseSeidVersion(text: string): SeidVersion | undefined {
  const version = /^version:\s*['"]?([^\s'"]+)/m.exec(text)?.[1];
  const commit = /^commit:\s*['"]?([0-9a-f]{40})\b/m.exec(text)?.[1];
  return version && commit ? { version, commit } : undefined;
}

/**
 * Runs `<binary> version --long` and returns its version and commit. A seid
 * that will not start (missing library, wrong architecture, exits non-zero) or
 * does not report both is an InfraError naming `what`.
 */
export async function seidVersion(binary: string, what: string, signal?: AbortSignal): Promise<SeidVersion> {
  let output: string;
  try {
    const result = await execa(binary, ["version", "--long"], {
      cancelSignal: signal,
      forceKillAfterDelay: 2_000,
      timeout: 60_000,
      stdin: "ignore",
    });
    output = `${result.stdout}\n${result.stderr}`;
  } catch (err) {
    if (signal?.aborted) throw abortError(signal, `running ${binary} version`);
    const { stderr, shortMessage } = err as { stderr?: string; shortMessage?: string };
    throw new InfraError(`The seid in ${what} does not run.`, {
      metaMessages: [`Command: ${binary} version --long`],
      details: (stderr?.trim() || shortMessage || String(err)).split("\n").slice(-10).join("\n"),
      cause: err,
    });
  }
  const parsed = parseSeidVersion(output);
  if (!parsed) {
    throw new InfraError(`The seid in ${what} does not report its version and commit.`, {
      metaMessages: [`Command: ${binary} version --long`],
      details: output.trim().split("\n").slice(0, 10).join("\n"),
    });
  }
  return parsed;
}
