import type { Node } from "../../../client/handles.js";
import { UsageError } from "../../../errors/usage.js";
import { parseDuration } from "../../../internal/duration.js";
import { latestHeight } from "../../../readiness/latestHeight.js";
import { waitRecovered } from "../../../readiness/waitRecovered.js";
import { open } from "../../../registry/open.js";
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
import { table } from "../../output.js";

const VERBS = ["kill", "restart", "pause", "unpause", "disconnect", "reconnect"] as const;
type Verb = (typeof VERBS)[number];

/** Verbs after which `--wait` waits for the node to catch up again. */
const RECOVERING: readonly Verb[] = ["restart", "unpause", "reconnect"];

const USAGE = `seinet perturb NODE ${VERBS.join("|")} [--wait] [--timeout 120s] [--mode local|docker] [--namespace NS] [--json]`;

/** How long a height read may take: a paused node answers nothing. */
const HEIGHT_READ_MS = 1_500;

/** A node's phase and height as `perturb` prints them; height null when it does not answer. */
interface Snapshot {
  phase: string;
  height: number | null;
}

async function snapshot(node: Node, signal: AbortSignal): Promise<Snapshot> {
  await node.refresh({ signal });
  const rpc = node.tendermintRpc;
  const height = rpc
    ? await latestHeight(rpc, { signal, requestTimeout: HEIGHT_READ_MS }).catch(() => null)
    : null;
  return { phase: node.phase ?? "Unknown", height };
}

/**
 * `seinet perturb NODE VERB`: kills, restarts, pauses or cuts off a node, as
 * a chaos step from a shell; prints its phase and height before and after.
 */
export const perturbCommand: Command = {
  name: "perturb",
  summary: "Kill, restart, pause/unpause or disconnect/reconnect a node (fault injection)",
  usage: USAGE,
  options: { ...NAMESPACE_OPTION, ...MODE_OPTION, wait: { type: "boolean" }, timeout: { type: "string" } },
  async run({ values, positionals, output, signal }) {
    positionalsAtMost(positionals, 2, USAGE);
    const [name, verb] = positionals;
    if (name === undefined || verb === undefined) {
      throw new UsageError(`Name the node and the verb. Usage: ${USAGE}`, { field: "NODE" });
    }
    if (!(VERBS as readonly string[]).includes(verb)) {
      throw new UsageError(`Unknown verb ${JSON.stringify(verb)}; expected one of ${VERBS.join(", ")}.`, {
        field: "VERB",
      });
    }
    const wait = boolFlag(values, "wait");
    const timeoutFlag = stringFlag(values, "timeout");
    const timeoutMs = timeoutFlag === undefined ? 120_000 : parseDuration(timeoutFlag, "--timeout");
    const mode = modeFlag(values);
    const namespace = namespaceFlag(values);
    const bounded = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
    const client = await open(mode, { namespace });
    try {
      const node = await client.getNode(name, { namespace });
      const act = node[verb as Verb];
      if (!act) {
        throw new UsageError(`\`${verb}\` is not available on node "${name}" in the ${mode} mode.`, {
          field: "VERB",
        });
      }
      const before = await snapshot(node, bounded);
      const started = Date.now();
      await act.call(node, { signal: bounded });
      let recoveredMs: number | null = null;
      if (wait && RECOVERING.includes(verb as Verb)) {
        recoveredMs = (await waitRecovered(node, { signal: bounded, timeout: timeoutMs })).ms;
      }
      const after = await snapshot(node, bounded);
      const result = {
        command: "perturb",
        mode,
        node: name,
        namespace: node.namespace,
        verb,
        before,
        after,
        tookMs: Date.now() - started,
        recoveredMs,
      };
      const h = (s: Snapshot) => (s.height === null ? "-" : String(s.height));
      output.result(result, () =>
        [
          `${verb} ${name}: done in ${result.tookMs} ms${recoveredMs === null ? "" : `, caught up after ${recoveredMs} ms`}`,
          table(
            ["", "PHASE", "HEIGHT"],
            [
              ["before", before.phase, h(before)],
              ["after", after.phase, h(after)],
            ],
          ),
        ].join("\n"),
      );
    } finally {
      await client.close();
    }
  },
};
