// Run in a separate process: opens the local mode on a state dir and prints
// what it reads back, so a test can compare with what the creating process saw.
import { open } from "../../src/index.js";

const [stateDir, network] = process.argv.slice(2) as [string, string];
const client = await open("local", { stateDir });
const net = await client.getNetwork(network);
const nodes = await client.listNodes({ network });
process.stdout.write(
  `${JSON.stringify({
    network: { name: net.name, phase: net.phase, tendermintRpc: net.tendermintRpc, rest: net.rest },
    nodes: nodes.map((n) => ({
      name: n.name,
      phase: n.phase,
      evmRpc: n.evmRpc,
      evmWs: n.evmWs,
      tendermintRpc: n.tendermintRpc,
      rest: n.rest,
    })),
  })}\n`,
);
await client.close();
