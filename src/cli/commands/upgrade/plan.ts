import { UsageError } from "../../../errors/usage.js";
import { parseDuration } from "../../../internal/duration.js";
import { requireDnsLabel } from "../../../specs/rules.js";
import type { CommandContext } from "../../command.js";
import {
  type CliMode,
  intFlag,
  modeFlag,
  namespaceFlag,
  positionalsAtMost,
  stringFlag,
} from "../../flags.js";

/** Usage line of `seinet upgrade`. */
export const UPGRADE_USAGE =
  "seinet upgrade NETWORK --to VERSION|PATH|IMAGE [--name UPGRADE (vMAJOR.MINOR of --to)] [--height H] [--timeout DURATION (5m)] [--mode local|docker] [--namespace NS] [--json]";

/** Everything `upgrade` will do, checked before any side effect. */
export interface UpgradePlan {
  network: string;
  namespace: string | undefined;
  /** Where the network runs. */
  mode: CliMode;
  /** The new seid: an installed version (`v6.6.2`), a commit or a path; in the docker mode, an image. */
  to: string;
  /** The upgrade handler name the new seid registers, e.g. `v6.6`. */
  name: string;
  /** Upgrade height; undefined lets `upgradeNetwork` pick one from the block rate. */
  height: number | undefined;
  timeoutMs: number;
}

const VERSION = /^v(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?$/;

/**
 * The upgrade handler name sei-chain registers for a release: `vMAJOR.MINOR`
 * (`v6.6.2` → `v6.6`); undefined when `to` is not a version (a path, a commit).
 */
export function upgradeNameFor(to: string): string | undefined {
  const match = VERSION.exec(to.trim());
  return match ? `v${Number(match[1])}.${Number(match[2])}` : undefined;
}

/** The tag of an image reference (`ghcr.io/sei-protocol/seid:v6.6.2` → `v6.6.2`); "" without one. */
export function imageTag(image: string): string {
  const colon = image.lastIndexOf(":");
  return colon > image.lastIndexOf("/") ? image.slice(colon + 1) : "";
}

/** Upgrade names sei-chain accepts: `v6.6`, `v5.5.2`, `6.0.0-rc1`… no spaces, no slashes. */
const UPGRADE_NAME = /^[0-9A-Za-z][0-9A-Za-z._-]{0,127}$/;

/**
 * Reads and validates `upgrade`'s flags: a missing network or `--to`, a
 * path without `--name`, a bad height or duration are UsageErrors here,
 * before anything is proposed.
 */
export function planUpgrade({
  values,
  positionals,
}: Pick<CommandContext, "values" | "positionals">): UpgradePlan {
  positionalsAtMost(positionals, 1, UPGRADE_USAGE);
  const network = positionals[0];
  if (network === undefined) {
    throw new UsageError(`Name the network to upgrade. Usage: ${UPGRADE_USAGE}`, { field: "NETWORK" });
  }
  requireDnsLabel(network, "NETWORK");
  const namespace = namespaceFlag(values);
  const mode = modeFlag(values);
  const to = stringFlag(values, "to")?.trim();
  if (!to) {
    throw new UsageError(
      `Expected \`--to\`: the new seid, an installed version (v6.6.2) or a path. Usage: ${UPGRADE_USAGE}`,
      { field: "--to" },
    );
  }
  const explicit = stringFlag(values, "name");
  let name = explicit?.trim();
  if (explicit !== undefined && !(name && UPGRADE_NAME.test(name))) {
    throw new UsageError(
      `Expected \`--name\` to be an upgrade handler name such as v6.6, got ${JSON.stringify(explicit)}.`,
      { field: "--name" },
    );
  }
  // An image's tag names its release (`seinet/seid:v6.6.2-<hash>`, `…/seid:v6.6.2`).
  name ??= upgradeNameFor(mode === "docker" ? imageTag(to) : to);
  if (name === undefined) {
    throw new UsageError(
      `\`--to\` ${JSON.stringify(to)} is not a release version (vMAJOR.MINOR.PATCH), so the upgrade name cannot be derived: pass \`--name\`, the upgrade handler the new seid registers (e.g. v6.6).`,
      { field: "--name" },
    );
  }
  const height =
    stringFlag(values, "height") === undefined
      ? undefined
      : intFlag(values, "height", 0, 2, Number.MAX_SAFE_INTEGER);
  const timeout = stringFlag(values, "timeout");
  const timeoutMs = timeout === undefined ? 5 * 60_000 : parseDuration(timeout, "--timeout");
  return { network, namespace, mode, to, name, height, timeoutMs };
}
