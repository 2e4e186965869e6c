import { UsageError } from "../../errors/usage.js";
import { requireDnsLabel } from "../../specs/rules.js";
import { validateNetworkSpec } from "../../specs/validateNetworkSpec.js";
import { validateNodeSpec } from "../../specs/validateNodeSpec.js";
import type { CommandContext } from "../command.js";
import { parseDuration } from "../duration.js";
import { boolFlag, intFlag, namespaceFlag, positionalsAtMost, stringFlag } from "../flags.js";

/** Usage line of `seinet up`. */
export const UP_USAGE =
  "seinet up [--validators N (1)] [--rpc-nodes M (1)] [--name NAME (devnet)] [--timeout DURATION (5m)] [--binary PATH|VERSION] [--namespace NS] [--json] [--timings] [--keep-on-failure] [--show-key]";

/** Most follower RPC nodes `up` starts (each is a seid process on this machine). */
export const MAX_RPC_NODES = 20;

/** Everything `up` will do, checked before any side effect. */
export interface UpPlan {
  name: string;
  namespace: string | undefined;
  validators: number;
  /** Follower names, `<name>-rpc-<i>`. */
  followers: string[];
  timeoutMs: number;
  binary: string | undefined;
  keepOnFailure: boolean;
  showKey: boolean;
  timings: boolean;
}

/**
 * Reads and validates `up`'s flags: every bad number, duration, name or
 * validator count is a UsageError here, before anything is created.
 */
export function planUp({ values, positionals }: Pick<CommandContext, "values" | "positionals">): UpPlan {
  positionalsAtMost(positionals, 0, UP_USAGE);
  const name = stringFlag(values, "name") ?? "devnet";
  const namespace = namespaceFlag(values);
  const validators = intFlag(values, "validators", 1, 1, 100);
  const rpcNodes = intFlag(values, "rpc-nodes", 1, 0, MAX_RPC_NODES);
  const timeout = stringFlag(values, "timeout");
  const timeoutMs = timeout === undefined ? 5 * 60_000 : parseDuration(timeout, "--timeout");
  const binary = stringFlag(values, "binary");
  if (binary !== undefined && binary.trim() === "") {
    throw new UsageError('Expected `--binary` to be a seid path or an installed version, got "".', {
      field: "--binary",
    });
  }
  requireDnsLabel(name, "--name");
  const followers = Array.from({ length: rpcNodes }, (_, i) => `${name}-rpc-${i}`);
  const longest = followers.at(-1);
  if (longest && longest.length > 63) {
    throw new UsageError(
      `\`--name\` ${JSON.stringify(name)} is too long: its RPC node "${longest}" would exceed 63 characters.`,
      { field: "--name" },
    );
  }
  // The SDK's own checks (2 validators, …), so `up` refuses exactly what createNetwork would.
  validateNetworkSpec({ name, validators, ...(binary ? { binary } : {}) });
  for (const node of followers) validateNodeSpec({ name: node, network: name });
  return {
    name,
    namespace,
    validators,
    followers,
    timeoutMs,
    binary,
    keepOnFailure: boolFlag(values, "keep-on-failure"),
    showKey: boolFlag(values, "show-key"),
    timings: boolFlag(values, "timings"),
  };
}
