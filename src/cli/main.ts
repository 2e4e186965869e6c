#!/usr/bin/env node
import { parseArgs } from "node:util";
import { SeinetError } from "../errors/base.js";
import { UsageError } from "../errors/usage.js";
import type { Command } from "./command.js";
import { checkpointCommand } from "./commands/checkpoint/command.js";
import { downCommand } from "./commands/down/command.js";
import { dumpCommand } from "./commands/dump/command.js";
import { gcCommand } from "./commands/gc/command.js";
import { imageBuildCommand } from "./commands/imageBuild/command.js";
import { installSeidCommand } from "./commands/installSeid/command.js";
import { logsCommand } from "./commands/logs/command.js";
import { modesCommand } from "./commands/modes/command.js";
import { perturbCommand } from "./commands/perturb/command.js";
import { seidCommand } from "./commands/seid/command.js";
import { lsCommand, statusCommand } from "./commands/status/command.js";
import { templateCommand } from "./commands/template/command.js";
import { upCommand } from "./commands/up/command.js";
import { upgradeCommand } from "./commands/upgrade/command.js";
import { EXIT, exitCodeFor } from "./exitCodes.js";
import { createOutput } from "./output.js";

const COMMANDS: Command[] = [
  upCommand,
  statusCommand,
  lsCommand,
  logsCommand,
  seidCommand,
  perturbCommand,
  downCommand,
  gcCommand,
  dumpCommand,
  upgradeCommand,
  installSeidCommand,
  modesCommand,
  imageBuildCommand,
  templateCommand,
  checkpointCommand,
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "seinet — real Sei networks for tests and CI",
    "",
    "Usage: seinet <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    'Run "seinet <command> --help" for a command\'s options.',
    "",
    "Global options: --json (one versioned JSON document on stdout), --namespace NS and --mode local|docker (up, status, ls, logs, seid, perturb, down, upgrade; default $SEINET_MODE, else local), --help",
    "Local networks live in $SEINET_STATE_DIR (default ~/.local/state/seinet/local); docker networks live in the engine ($DOCKER_HOST); any process reads them back.",
    "Exit codes: 0 ok, 1 failed, 2 usage, 3 timeout, 4 infrastructure missing, 130 interrupted (`seid` ends with seid's own)",
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${help()}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS.find((c) => c.name === name);
  // Past `--` the arguments are another program's (`seinet seid NODE -- …`).
  const own = rest.includes("--") ? rest.slice(0, rest.indexOf("--")) : rest;
  const json = own.includes("--json");
  const output = createOutput(json);
  const controller = new AbortController();
  // The first signal aborts the command (which cleans up what it made); a
  // second one exits at once, without waiting for that cleanup.
  let signals = 0;
  const onSignal = () => {
    signals += 1;
    if (signals === 1) {
      controller.abort(new Error("interrupted"));
      return;
    }
    process.stderr.write("seinet: interrupted again; exiting without waiting for cleanup\n");
    process.exit(EXIT.interrupted);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    if (!command) throw new UsageError(`Unknown command "${name}". Run "seinet --help" for the list.`);
    const parsed = parseArgs({
      args: rest,
      options: { ...command.options, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help) {
      process.stdout.write(`${command.usage}\n\n${command.summary}\n`);
      return EXIT.ok;
    }
    const code = await command.run({
      values: parsed.values,
      positionals: parsed.positionals,
      output,
      signal: controller.signal,
    });
    return typeof code === "number" ? code : EXIT.ok;
  } catch (err) {
    const wrapped =
      err instanceof SeinetError
        ? err
        : (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
          ? new UsageError((err as Error).message)
          : err;
    const code = exitCodeFor(wrapped);
    if (json) {
      const e = wrapped as SeinetError;
      process.stdout.write(
        `${JSON.stringify({ schemaVersion: 1, error: { code: e.code ?? "UNKNOWN", message: e.shortMessage ?? String(e), details: e.details } }, null, 2)}\n`,
      );
    }
    process.stderr.write(`seinet: ${wrapped instanceof Error ? wrapped.message : String(wrapped)}\n`);
    return code;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

process.exitCode = await main(process.argv.slice(2));
