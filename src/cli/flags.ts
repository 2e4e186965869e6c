import type { ParseArgsConfig } from "node:util";
import { UsageError } from "../errors/usage.js";
import { requireDnsLabel } from "../specs/rules.js";
import type { CommandContext } from "./command.js";

/** `--namespace NS`, accepted by every command that reads or writes networks. */
export const NAMESPACE_OPTION: NonNullable<ParseArgsConfig["options"]> = {
  namespace: { type: "string" },
};

/** `--mode local|docker`, accepted by every command that reads or writes networks. */
export const MODE_OPTION: NonNullable<ParseArgsConfig["options"]> = {
  mode: { type: "string" },
};

/** The modes the CLI drives; k8s is reached through the SDK. */
export type CliMode = "local" | "docker";

type Values = CommandContext["values"];

/** A string flag, or undefined when absent. */
export function stringFlag(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

/** True when a boolean flag is set. */
export function boolFlag(values: Values, name: string): boolean {
  return values[name] === true;
}

/** An integer flag within [min, max]; `fallback` when absent. */
export function intFlag(values: Values, name: string, fallback: number, min: number, max: number): number {
  const raw = stringFlag(values, name);
  if (raw === undefined) return fallback;
  const n = /^-?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(
      `Expected \`--${name}\` to be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}.`,
      { field: `--${name}` },
    );
  }
  return n;
}

/** `--namespace`, checked as a DNS-1123 label; undefined means the default namespace. */
export function namespaceFlag(values: Values): string | undefined {
  const ns = stringFlag(values, "namespace");
  if (ns !== undefined) requireDnsLabel(ns, "--namespace");
  return ns;
}

/** At most `max` positionals, else a UsageError quoting the extra ones. */
export function positionalsAtMost(positionals: string[], max: number, usage: string): void {
  if (positionals.length > max) {
    throw new UsageError(`Unexpected argument ${JSON.stringify(positionals[max])}. Usage: ${usage}`);
  }
}

/**
 * `--mode`, else the manifest's `run.mode`, else `$SEINET_MODE`, else `local`;
 * anything but local or docker is a UsageError.
 */
export function modeFlag(values: Values, env: NodeJS.ProcessEnv = process.env, fromFile?: CliMode): CliMode {
  const flag = stringFlag(values, "mode");
  const raw = flag ?? fromFile ?? (env.SEINET_MODE || undefined) ?? "local";
  if (raw === "local" || raw === "docker") return raw;
  const from = flag === undefined ? "$SEINET_MODE" : "`--mode`";
  throw new UsageError(`Expected ${from} to be "local" or "docker", got ${JSON.stringify(raw)}.`, {
    field: flag === undefined ? "SEINET_MODE" : "--mode",
  });
}
