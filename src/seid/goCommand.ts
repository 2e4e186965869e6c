import { execa } from "execa";
import { InfraError } from "../errors/infra.js";
import { abortError, throwIfAborted } from "../internal/abort.js";
import { logger } from "../internal/debug.js";

const log = logger("seid");

/** Runs `go <args>` and resolves with its stdout; `what` names the step for errors. */
export type GoCommand = (args: string[], what: string) => Promise<string>;

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
 * A go runner for a seid build: in the build's work dir, with cgo on and
 * `-mod=mod`, cancelled by `signal`. A failed step is an InfraError with go's
 * last lines and the command; an abort is the signal's own error.
 */
export function goCommand(options: {
  go: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal | undefined;
}): GoCommand {
  const { go, cwd, env, signal } = options;
  return async (args, what) => {
    throwIfAborted(signal, what);
    log("go %s", args.join(" "));
    try {
      const result = await execa(go, args, {
        cwd,
        env: { ...env, CGO_ENABLED: "1", GOFLAGS: "-mod=mod" },
        cancelSignal: signal,
        forceKillAfterDelay: 5_000,
      });
      return result.stdout;
    } catch (err) {
      if (signal?.aborted) throw abortError(signal, what);
      throw new InfraError(`seid build failed while ${what}.`, {
        details: goFailure(err),
        metaMessages: [`Command: ${go} ${args.join(" ")}`],
        cause: err,
      });
    }
  };
}
