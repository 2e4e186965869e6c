import { UsageError } from "../../../errors/usage.js";
import { collectGarbage } from "../../../index.js";
import { parseDuration } from "../../../internal/duration.js";
import type { Command } from "../../command.js";
import {
  MODE_OPTION,
  NAMESPACE_OPTION,
  boolFlag,
  modeFlag,
  namespaceFlag,
  positionalsAtMost,
  stringFlag,
} from "../../flags.js";

const GC_USAGE =
  "seinet gc [--mode local|docker|k8s (local and docker)] [--namespace NS (k8s)] [--older-than DURATION] [--dry-run] [--json]";

/**
 * `seinet gc`: sweeps what sessions whose owner is gone left behind (a test
 * run killed along with its watchdog). Networks made outside a session, or
 * released by `seinet up`, are never touched.
 */
export const gcCommand: Command = {
  name: "gc",
  summary: "Delete what dead sessions (test runs, interrupted `up`s) left; never a network made outside one",
  usage: GC_USAGE,
  options: {
    ...MODE_OPTION,
    ...NAMESPACE_OPTION,
    "older-than": { type: "string" },
    "dry-run": { type: "boolean" },
  },
  async run({ values, positionals, output, signal }) {
    positionalsAtMost(positionals, 0, GC_USAGE);
    // k8s: this machine's k8s sessions, and the cluster's expired session Leases (KUBECONFIG).
    const k8s = stringFlag(values, "mode") === "k8s";
    const modes = k8s ? ["k8s"] : stringFlag(values, "mode") === undefined ? undefined : [modeFlag(values)];
    const namespace = namespaceFlag(values);
    if (namespace !== undefined && !k8s) {
      throw new UsageError(
        "`--namespace` applies to `--mode k8s` (where session Leases live); local and docker sessions are swept in every namespace.",
        { field: "--namespace" },
      );
    }
    const olderThan = stringFlag(values, "older-than");
    const olderThanMs = olderThan === undefined ? undefined : parseDuration(olderThan, "--older-than");
    const dryRun = boolFlag(values, "dry-run");
    const report = await collectGarbage({
      modes,
      olderThanMs,
      dryRun,
      signal,
      ...(k8s && namespace ? { k8s: { namespace } } : {}),
    });
    output.result({ command: "gc", dryRun, ...report }, () => {
      const verb = dryRun ? "would remove" : "removed";
      const lines = report.swept.flatMap((s) => [
        ...s.removed.map(
          (e) =>
            `${verb} ${e.kind} ${e.namespace}/${e.name} (${s.mode}, session ${s.id}, owner ${s.holder ?? `pid ${s.pid}`} gone)`,
        ),
        ...s.failed.map(
          (f) => `could not remove ${f.entry.kind} ${f.entry.namespace}/${f.entry.name}: ${f.error}`,
        ),
      ]);
      if (lines.length === 0) lines.push(`nothing to sweep (${report.live} live session(s) left alone)`);
      return lines.join("\n");
    });
  },
};
