import { seconds } from "../../../internal/duration.js";
import { table } from "../../output.js";
import { namespaceArg } from "../../render.js";
import type { UpgradeResult } from "./run.js";

/** `upgrade --json`'s document (the output adds `schemaVersion`). */
export function upgradeDocument(result: UpgradeResult): Record<string, unknown> {
  return {
    command: "upgrade",
    network: result.network,
    namespace: result.namespace,
    upgradeName: result.upgradeName,
    height: result.height,
    proposalId: result.proposalId,
    to: result.to,
    nodes: result.nodes,
    timings: result.timings,
  };
}

/** The phase breakdown: seconds per phase, then the total. */
export function upgradeTimingsTable(timings: UpgradeResult["timings"]): string {
  const rows: [string, number][] = [
    ["propose", timings.proposeMs],
    ["votes", timings.voteMs],
    ["halt", timings.haltMs],
    ["swap", timings.swapMs],
    ["resume", timings.resumeMs],
    ["total", timings.totalMs],
  ];
  return table(
    ["PHASE", "TIME"],
    rows.map(([phase, ms]) => [phase, seconds(ms)]),
  );
}

/** `upgrade`'s human report: a summary line, each node before and after, the phase timings. */
export function renderUpgrade(result: UpgradeResult): string {
  const dash = (v: string | null) => v ?? "-";
  const lines = [
    `Network ${result.network} upgraded to seid ${result.to.version} (upgrade "${result.upgradeName}", proposal ${result.proposalId}) at height ${result.height} in ${seconds(result.timings.totalMs)}.`,
    "",
    table(
      ["NODE", "ROLE", "FROM", "APPLIED", "HEIGHT"],
      result.nodes.map((n) => [n.name, n.role, dash(n.from), dash(n.applied), String(n.height)]),
    ),
    "",
    upgradeTimingsTable(result.timings),
    "",
    `\`seinet status ${result.network}${namespaceArg(result.namespace)}\` shows its endpoints.`,
  ];
  return lines.join("\n");
}
