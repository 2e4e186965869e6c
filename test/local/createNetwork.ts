// Run in a separate process: creates a 1-validator network on a state dir and
// prints its nodes' ports, so a test can race two processes.
import { open } from "../../src/index.js";

const [stateDir, name] = process.argv.slice(2) as [string, string];
const client = await open("local", { stateDir });
const net = await client.createNetwork({ name, validators: 1 });
await net.waitReady({ signal: AbortSignal.timeout(120_000) });
const nodes = await client.listNodes({ network: name });
process.stdout.write(
  `${JSON.stringify(nodes.map((n) => ({ name: n.name, ports: (n.object() as { ports: Record<string, number> }).ports })))}\n`,
);
