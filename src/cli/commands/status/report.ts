import { table } from "../../output.js";
import { accountInfo, accountLines, age, nodesTable, reasonLines, showKeyCommand } from "../../render.js";
import type { NetworkList, NetworkStatus } from "./run.js";

/** `status --json` / `ls --json`: the networks, or one network's nodes and test account. */
export function statusDocument(
  command: string,
  status: NetworkList | NetworkStatus,
  showKey: boolean,
): Record<string, unknown> {
  if (status.kind === "list") return { command, networks: status.networks };
  return {
    command,
    network: status.network,
    nodes: status.nodes,
    testAccount: accountInfo(status.testAccount, showKey),
  };
}

/** The network table of `ls`; a NAMESPACE column when listing every namespace. */
export function renderList(list: NetworkList, now: number = Date.now()): string {
  if (list.networks.length === 0) {
    return list.allNamespaces
      ? "No networks."
      : `No networks in namespace "${list.namespace ?? "default"}". \`seinet up\` starts one.`;
  }
  const headers = ["NAME", "PHASE", "VALIDATORS", "FOLLOWERS", "SEID", "AGE"];
  const rows = list.networks.map((n) => [
    n.name,
    n.phase,
    String(n.validators),
    String(n.followers),
    n.seidVersion ?? "-",
    age(n.createdAt, now),
  ]);
  if (!list.allNamespaces) return table(headers, rows);
  return table(
    ["NAMESPACE", ...headers],
    rows.map((row, i) => [list.networks[i]?.namespace ?? "", ...row]),
  );
}

/** One network's status: a summary line, its nodes with pids and endpoints, its test account. */
export function renderNetwork(status: NetworkStatus, showKey: boolean, now: number = Date.now()): string {
  const n = status.network;
  const lines = [
    `Network ${n.name} (namespace ${n.namespace}): ${n.phase}, chain id ${n.chainId}, ${n.validators} validator(s), ${n.followers} RPC node(s), seid ${n.seidVersion ?? "unknown"}, age ${age(n.createdAt, now)}.`,
  ];
  lines.push("", nodesTable(status.nodes, true));
  // The network's reason names its dead validators; the nodes' reasons also cover followers.
  const reasons = reasonLines(status.nodes);
  if (reasons.length) lines.push("", ...reasons);
  else if (n.reason) lines.push("", `Reason: ${n.reason}`);
  const account = accountInfo(status.testAccount, showKey);
  if (account) lines.push("", ...accountLines(account, showKeyCommand(n.name, n.namespace)));
  return lines.join("\n");
}
