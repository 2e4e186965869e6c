// What tells a node seeded from a template's chain data from one made at genesis.
import type { Node } from "../../src/index.js";

/** The seid log line saying where the ABCI handshake found the app: `appHeight=0` means InitChain ran. */
export async function replayLine(node: Node): Promise<string> {
  for await (const line of node.logs({ signal: AbortSignal.timeout(10_000) })) {
    if (line.includes("ABCI Replay Blocks")) return line;
  }
  return "";
}

/** A node's id, moniker and voting power, from its /status. */
export async function nodeStatus(node: Node): Promise<{ id: string; moniker: string; votingPower: string }> {
  const body = (await (await fetch(`${node.tendermintRpc}/status`)).json()) as {
    result?: unknown;
  } & Record<string, unknown>;
  const status = (body.result ?? body) as {
    node_info: { id: string; moniker: string };
    validator_info: { voting_power: string };
  };
  return {
    id: status.node_info.id,
    moniker: status.node_info.moniker,
    votingPower: String(status.validator_info.voting_power),
  };
}
