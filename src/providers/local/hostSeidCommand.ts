import { execa } from "execa";
import type { SeidCommand } from "../../chain/seidCommand.js";
import { InfraError } from "../../errors/infra.js";
import { abortError } from "../../internal/abort.js";

/**
 * `seid <args> --home <home>` as a child process of this one: the node's own
 * seid binary on its home, so its client.toml and keyring apply. The caller's
 * `--home`, when given, wins.
 */
export function hostSeidCommand(seid: string, home: string): SeidCommand {
  return async (args, options) => {
    const inherit = options.stdio === "inherit";
    const withHome = args.some((a) => a === "--home" || a.startsWith("--home="))
      ? args
      : [...args, "--home", home];
    try {
      const result = await execa(seid, withHome, {
        reject: false,
        cancelSignal: options.signal,
        forceKillAfterDelay: 2_000,
        ...(options.input !== undefined
          ? { input: options.input }
          : { stdin: inherit ? "inherit" : "ignore" }),
        stdout: inherit ? "inherit" : "pipe",
        stderr: inherit ? "inherit" : "pipe",
        stripFinalNewline: false,
      });
      if (options.signal?.aborted) throw abortError(options.signal, `running seid ${args[0] ?? ""}`);
      if (result.exitCode === undefined) {
        throw new InfraError(`seid could not be run: ${result.shortMessage ?? "no exit code"}.`, {
          metaMessages: [`Command: ${seid}`],
        });
      }
      return {
        exitCode: result.exitCode,
        stdout: typeof result.stdout === "string" ? result.stdout : "",
        stderr: typeof result.stderr === "string" ? result.stderr : "",
      };
    } catch (err) {
      if (options.signal?.aborted) throw abortError(options.signal, `running seid ${args[0] ?? ""}`);
      throw err;
    }
  };
}
