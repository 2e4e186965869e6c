import { mkdir, readFile, writeFile } from "node:fs/promises";
import { execa } from "execa";
import type { ChainRuntime } from "../../chain/runtime.js";
import { InfraError } from "../../errors/infra.js";
import { abortError } from "../../internal/abort.js";
import { logger } from "../../internal/debug.js";

const log = logger("local");

/** Runs the ceremony on this machine: seid as a child process, files on the local disk. */
export function hostRuntime(seid: string): ChainRuntime {
  return {
    async seid(args, signal) {
      log("seid %s", args.join(" "));
      try {
        const result = await execa(seid, args, {
          cancelSignal: signal,
          forceKillAfterDelay: 2_000,
          stdin: "ignore",
          env: { HOME: process.env.HOME ?? "/tmp" },
          extendEnv: true,
        });
        return result.stdout;
      } catch (err) {
        if (signal?.aborted) throw abortError(signal, `running seid ${args[0]}`);
        const { stderr, shortMessage } = err as { stderr?: string; shortMessage?: string };
        throw new InfraError(`seid ${args[0]} failed.`, {
          details: (stderr?.trim() || shortMessage || String(err)).split("\n").slice(-10).join("\n"),
          metaMessages: [`Command: ${seid} ${args.join(" ")}`],
          cause: err,
        });
      }
    },
    readFile: (path) => readFile(path, "utf8"),
    readFiles: (paths) => Promise.all(paths.map((path) => readFile(path, "utf8"))),
    writeFile: (path, data) => writeFile(path, data),
    async writeFiles(files) {
      await Promise.all(files.map((f) => writeFile(f.path, f.data, f.mode ? { mode: f.mode } : {})));
    },
    async mkdir(path) {
      await mkdir(path, { recursive: true });
    },
  };
}
