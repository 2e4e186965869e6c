import { seconds } from "../../../internal/duration.js";
import type { NodeInfo } from "../../nodeInfo.js";
import { table } from "../../output.js";
import {
  accountInfo,
  accountLines,
  namespaceArg,
  nodesTable,
  reasonLines,
  showKeyCommand,
} from "../../render.js";
import type { UpPlan } from "./plan.js";
import type { UpResult, UpTimings } from "./run.js";

/** `up --json`'s document (the output adds `schemaVersion`); the key only with --show-key. */
export function upDocument(result: UpResult, plan: Pick<UpPlan, "showKey">): Record<string, unknown> {
  return {
    command: "up",
    network: result.network,
    nodes: result.nodes,
    testAccount: accountInfo(result.testAccount, plan.showKey),
    timings: result.timings,
  };
}

/** The first follower's endpoints, else the first validator's: where to point a test. */
function entryNode(nodes: readonly NodeInfo[]): NodeInfo | undefined {
  return nodes.find((n) => n.role === "follower") ?? nodes.find((n) => n.role === "validator");
}

/** The phase breakdown as a table, ms per phase. */
export function timingsTable(timings: UpTimings): string {
  return table(
    ["PHASE", "MS"],
    Object.entries(timings).map(([phase, ms]) => [phase, String(ms)]),
  );
}

/** `up`'s human report: a summary line, the endpoint table, the test account, optionally timings. */
export function renderUp(result: UpResult, plan: Pick<UpPlan, "showKey" | "timings">): string {
  const { network, nodes } = result;
  const followers = nodes.filter((n) => n.role === "follower").length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const lines = [
    `Network ${network.name} is ${network.phase} in ${seconds(result.timings.total)}: chain id ${network.chainId}, ${plural(network.validators, "validator")}, ${plural(followers, "RPC node")}, seid ${network.seidVersion ?? "unknown"}.`,
    "",
    nodesTable(nodes),
  ];
  const reasons = reasonLines(nodes);
  if (reasons.length) lines.push("", ...reasons);
  const entry = entryNode(nodes);
  if (entry?.endpoints.evmRpc) lines.push("", `EVM RPC for your tests: ${entry.endpoints.evmRpc}`);
  const account = accountInfo(result.testAccount, plan.showKey);
  if (account) lines.push("", ...accountLines(account, showKeyCommand(network.name, network.namespace)));
  if (plan.timings) lines.push("", timingsTable(result.timings));
  lines.push("", `\`seinet down ${network.name}${namespaceArg(network.namespace)}\` deletes it.`);
  return lines.join("\n");
}
