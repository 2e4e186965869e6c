import { UsageError } from "../../errors/usage.js";
import { requireDnsLabel } from "../../specs/rules.js";
import { validateNetworkSpec } from "../../specs/validateNetworkSpec.js";
import { validateNodeSpec } from "../../specs/validateNodeSpec.js";
import type { CommandContext } from "../command.js";
import { parseDuration } from "../duration.js";
import {
  type CliMode,
  boolFlag,
  intFlag,
  modeFlag,
  namespaceFlag,
  positionalsAtMost,
  stringFlag,
} from "../flags.js";
import { type SpecFlags, specFlags } from "./specFlags.js";

/** Usage line of `seinet up`. */
export const UP_USAGE =
  "seinet up [--validators N (1)] [--rpc-nodes M (1)] [--name NAME (devnet)] [--chain-id ID (NAME)] [--genesis PATH=VALUE]... [--config KEY=VALUE]... [--account ADDRESS=COINS]... [--timeout DURATION (5m)] [--binary PATH|VERSION] [--mode local|docker] [--image IMAGE] [--namespace NS] [--json] [--timings] [--keep-on-failure] [--show-key] [--fresh]";

/** Most follower RPC nodes `up` starts (each is a seid process on this machine). */
export const MAX_RPC_NODES = 20;

/** Everything `up` will do, checked before any side effect. */
export interface UpPlan {
  name: string;
  /** Chain id, genesis and config overrides, and accounts funded in genesis, from repeatable flags. */
  spec: SpecFlags;
  namespace: string | undefined;
  validators: number;
  /** Follower names, `<name>-rpc-<i>`. */
  followers: string[];
  timeoutMs: number;
  /** Where the nodes run: seid processes here, or one container each. */
  mode: CliMode;
  /** local: the seid to run; docker without `image`: the seid an image is built from. */
  binary: string | undefined;
  /** docker: the seid image to run; undefined means one is built from `binary` (or the installed seid). */
  image: string | undefined;
  keepOnFailure: boolean;
  /**
   * A new genesis even when a warm template matches (local mode). Without it
   * the local mode clones the template of the same seid, counts, chain id,
   * genesis, config and accounts, or makes one.
   */
  fresh: boolean;
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
  const mode = modeFlag(values);
  const image = stringFlag(values, "image");
  if (image !== undefined && mode !== "docker") {
    throw new UsageError(
      "`--image` applies to `--mode docker`; the local mode runs seid itself (`--binary`).",
      {
        field: "--image",
      },
    );
  }
  if (image !== undefined && binary !== undefined) {
    throw new UsageError(
      "Pass `--image` or `--binary`, not both: in the docker mode `--binary` is what an image is built from.",
      {
        field: "--image",
      },
    );
  }
  if (image !== undefined && image.trim() === "") {
    throw new UsageError('Expected `--image` to be a seid image reference, got "".', { field: "--image" });
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
  const spec = specFlags(values);
  validateNetworkSpec({
    name,
    validators,
    ...spec,
    ...(binary && mode === "local" ? { binary } : {}),
    ...(image ? { image } : {}),
  });
  for (const node of followers) validateNodeSpec({ name: node, network: name });
  return {
    name,
    spec,
    namespace,
    validators,
    followers,
    timeoutMs,
    mode,
    binary,
    image,
    keepOnFailure: boolFlag(values, "keep-on-failure"),
    fresh: boolFlag(values, "fresh"),
    showKey: boolFlag(values, "show-key"),
    timings: boolFlag(values, "timings"),
  };
}
