#!/usr/bin/env node
import { parseArgs } from "node:util";
import { SeinetError } from "../errors/base.js";
import { UsageError } from "../errors/usage.js";
import type { Command } from "./command.js";
import { installSeidCommand } from "./commands/installSeid.js";
import { modesCommand } from "./commands/modes.js";
import { EXIT, exitCodeFor } from "./exitCodes.js";
import { createOutput } from "./output.js";

const COMMANDS: Command[] = [installSeidCommand, modesCommand];

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
    "Global options: --json (one versioned JSON document on stdout), --help",
    "Exit codes: 0 ok, 1 failed, 2 usage, 3 timeout, 4 infrastructure missing, 130 interrupted",
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${help()}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS.find((c) => c.name === name);
  const json = rest.includes("--json");
  const output = createOutput(json);
  const controller = new AbortController();
  const onSignal = () => controller.abort(new Error("interrupted"));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
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
    await command.run({
      values: parsed.values,
      positionals: parsed.positionals,
      output,
      signal: controller.signal,
    });
    return EXIT.ok;
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
