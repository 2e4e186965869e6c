import type { ParseArgsConfig } from "node:util";
import type { Output } from "./output.js";

/** What a command receives: parsed flags, positionals, output and the run's signal. */
export interface CommandContext {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  output: Output;
  /** Aborted on SIGINT/SIGTERM. */
  signal: AbortSignal;
}

/** One CLI command: a typed function over the public API, loaded from the table. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  /** Resolves when done; a number is the exit code to end with (a passed-through child's). */
  run(context: CommandContext): Promise<number | undefined> | Promise<void>;
}
