import { UsageError } from "../../../errors/usage.js";
import { parseDuration } from "../../../internal/duration.js";
import type { ResolvedManifest } from "../../../manifest/types.js";
import { requireDnsLabel } from "../../../specs/rules.js";
import type { NetworkSpec, NodeSpec } from "../../../specs/types.js";
import { validateNetworkSpec } from "../../../specs/validateNetworkSpec.js";
import { validateNodeSpec } from "../../../specs/validateNodeSpec.js";
import { archiveSpec } from "../../../templates/archiveSpec.js";
import { type CheckpointArchiveManifest, archiveValidators } from "../../../templates/checkpointArchive.js";
import type { CommandContext } from "../../command.js";
import {
  type CliMode,
  boolFlag,
  intFlag,
  modeFlag,
  namespaceFlag,
  positionalsAtMost,
  stringFlag,
} from "../../flags.js";
import { specFlags } from "./specFlags.js";

/** Usage line of `seinet up`. */
export const UP_USAGE =
  "seinet up [-f seinet.yaml] [--from CHECKPOINT.tgz] [--validators N (1)] [--rpc-nodes M (1)] [--name NAME (devnet)] [--chain-id ID (NAME)] [--genesis PATH=VALUE]... [--config KEY=VALUE]... [--account ADDRESS=COINS]... [--timeout DURATION (5m)] [--binary PATH|VERSION] [--mode local|docker] [--image IMAGE] [--namespace NS] [--json] [--timings] [--keep-on-failure] [--show-key] [--fresh]";

/** Most follower RPC nodes `up` starts (each is a seid process on this machine). */
export const MAX_RPC_NODES = 20;

/** The NetworkSpec fields besides those `up` has a flag of its own for. */
export type UpSpec = Omit<NetworkSpec, "name" | "validators" | "namespace" | "binary" | "image">;

/** Everything `up` will do, checked before any side effect. */
export interface UpPlan {
  name: string;
  /** The rest of the NetworkSpec: from the manifest (`-f`), with `--chain-id`, `--genesis`, `--config` and `--account` over it. */
  spec: UpSpec;
  namespace: string | undefined;
  validators: number;
  /** Followers: the manifest's, else `--rpc-nodes` of them named `<name>-rpc-<i>`. */
  followers: NodeSpec[];
  timeoutMs: number;
  /** Where the nodes run: seid processes here, or one container each. */
  mode: CliMode;
  /** local: the seid to run; docker without `image`: the seid an image is built from. */
  binary: string | undefined;
  /** docker: the seid image to run; undefined means one is built from `binary` (or the installed seid). */
  image: string | undefined;
  keepOnFailure: boolean;
  /**
   * A new genesis even when a warm template matches. Without it the local
   * and docker modes clone the template of the same seid, counts, chain id,
   * genesis, config and accounts, or makes one.
   */
  fresh: boolean;
  /** A portable checkpoint (`seinet checkpoint export`) the network starts from, local mode. */
  from: string | undefined;
  showKey: boolean;
  timings: boolean;
}

/**
 * Reads and validates `up`'s flags over an optional manifest (`-f`): every bad
 * number, duration, name or validator count is a UsageError here, before
 * anything is created. A flag overrides the file: scalars replace its value,
 * `--genesis`/`--config` replace the same key and keep the others,
 * `--account` adds accounts, `--rpc-nodes` replaces its followers.
 */
export function planUp(
  { values, positionals }: Pick<CommandContext, "values" | "positionals">,
  manifest?: ResolvedManifest,
  archive?: { file: string; manifest: CheckpointArchiveManifest },
): UpPlan {
  positionalsAtMost(positionals, 0, UP_USAGE);
  const file = manifest?.network;
  const name = stringFlag(values, "name") ?? file?.name ?? "devnet";
  const namespace = namespaceFlag(values) ?? file?.namespace;
  const validators = intFlag(
    values,
    "validators",
    file?.validators ?? (archive ? archiveValidators(archive.manifest) : 1),
    1,
    100,
  );
  const rpcNodes = intFlag(values, "rpc-nodes", 1, 0, MAX_RPC_NODES);
  const timeout = stringFlag(values, "timeout");
  const timeoutMs =
    timeout === undefined ? (manifest?.timeoutMs ?? 5 * 60_000) : parseDuration(timeout, "--timeout");
  const mode = modeFlag(values, process.env, manifest?.mode);
  // The file may name both an image (docker) and a binary (local): the mode picks; a flag wins.
  const imageFlag = stringFlag(values, "image");
  const binaryFlag = stringFlag(values, "binary");
  const image = imageFlag ?? (binaryFlag === undefined && mode === "docker" ? file?.image : undefined);
  const binary = binaryFlag ?? (image === undefined ? file?.binary : undefined);
  if (binary !== undefined && binary.trim() === "") {
    throw new UsageError('Expected `--binary` to be a seid path or an installed version, got "".', {
      field: "--binary",
    });
  }
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
  const followers: NodeSpec[] =
    manifest && values["rpc-nodes"] === undefined
      ? manifest.followers.map((f) => ({ ...f, network: name }))
      : Array.from({ length: rpcNodes }, (_, i) => ({ name: `${name}-rpc-${i}`, network: name }));
  const longest = followers.at(-1)?.name;
  if (longest && longest.length > 63) {
    throw new UsageError(
      `\`--name\` ${JSON.stringify(name)} is too long: its RPC node "${longest}" would exceed 63 characters.`,
      { field: "--name" },
    );
  }
  // The SDK's own checks (2 validators, …), so `up` refuses exactly what createNetwork would.
  const spec = overSpec(file, specFlags(values));
  validateNetworkSpec({
    name,
    validators,
    ...spec,
    ...(binary && mode === "local" ? { binary } : {}),
    ...(image ? { image } : {}),
  });
  for (const node of followers) validateNodeSpec(node);
  if (archive) {
    if (mode !== "local") {
      throw new UsageError("`--from` starts a network in the local mode only.", { field: "--from" });
    }
    if (boolFlag(values, "fresh")) {
      throw new UsageError(
        "Pass `--from` or `--fresh`, not both: `--from` starts from the archive's chain.",
        {
          field: "--fresh",
        },
      );
    }
    // The chain is the archive's: a flag asking for another one is refused here, as createNetwork would.
    archiveSpec(archive.file, archive.manifest, { name, validators, ...spec });
  }
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
    from: archive?.file,
    showKey: boolFlag(values, "show-key"),
    timings: boolFlag(values, "timings"),
  };
}

/** The manifest's NetworkSpec (minus what has its own flag) with the spec flags over it. */
function overSpec(file: NetworkSpec | undefined, flags: ReturnType<typeof specFlags>): UpSpec {
  if (!file) return flags;
  const { name, validators, namespace, binary, image, ...rest } = file;
  const spec: UpSpec = { ...rest };
  if (flags.chainId !== undefined) spec.chainId = flags.chainId;
  if (flags.genesis) spec.genesis = { ...spec.genesis, ...flags.genesis };
  if (flags.config) spec.config = { ...spec.config, ...flags.config };
  if (flags.accounts) spec.accounts = [...(spec.accounts ?? []), ...flags.accounts];
  return spec;
}
