import { UsageError } from "../../../errors/usage.js";
import type { GenesisAccount, NetworkSpec } from "../../../specs/types.js";
import type { CommandContext } from "../../command.js";

type Values = CommandContext["values"];

/** The NetworkSpec fields `up` takes from repeatable flags. */
export type SpecFlags = Pick<NetworkSpec, "chainId" | "genesis" | "config" | "accounts">;

/** Every value of a repeatable string flag, in the order given. */
function all(values: Values, name: string): string[] {
  const raw = values[name];
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === "string");
}

/** `key=value` split at the first `=`; a missing `=` or key is a UsageError naming the flag. */
function assignment(flag: string, text: string, what: string): [string, string] {
  const at = text.indexOf("=");
  if (at <= 0) {
    throw new UsageError(`Expected \`--${flag}\` to be ${what}, got ${JSON.stringify(text)}.`, {
      field: `--${flag}`,
    });
  }
  return [text.slice(0, at).trim(), text.slice(at + 1)];
}

/**
 * A genesis value as typed: JSON when it parses (`10`, `true`, `"30s"`,
 * `[...]`, `{...}`), else the text itself, so `voting_period=30s` works
 * without shell-quoted JSON.
 */
function genesisValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Reads `--chain-id`, `--genesis PATH=VALUE`, `--config KEY=VALUE` and
 * `--account ADDRESS=COINS` (the last three repeatable) into NetworkSpec
 * fields; the spec's own validation then checks the values. A key given twice
 * is a UsageError: the later one would silently win.
 */
export function specFlags(values: Values): SpecFlags {
  const out: SpecFlags = {};
  const chainId = values["chain-id"];
  if (typeof chainId === "string") out.chainId = chainId;
  const genesis: Record<string, unknown> = {};
  for (const text of all(values, "genesis")) {
    const [key, value] = assignment("genesis", text, "PATH=VALUE (e.g. gov.voting_params.voting_period=30s)");
    if (key in genesis) throw new UsageError(`\`--genesis\` sets ${key} twice.`, { field: "--genesis" });
    genesis[key] = genesisValue(value);
  }
  if (Object.keys(genesis).length) out.genesis = genesis;
  const config: Record<string, string> = {};
  for (const text of all(values, "config")) {
    const [key, value] = assignment("config", text, "KEY=VALUE (e.g. mempool.size=10000)");
    if (key in config) throw new UsageError(`\`--config\` sets ${key} twice.`, { field: "--config" });
    config[key] = value;
  }
  if (Object.keys(config).length) out.config = config;
  const accounts: GenesisAccount[] = all(values, "account").map((text) => {
    const [address, balance] = assignment("account", text, "ADDRESS=COINS (e.g. sei1…=1000000usei)");
    return { address, balance: balance.trim() };
  });
  if (accounts.length) out.accounts = accounts;
  return out;
}
