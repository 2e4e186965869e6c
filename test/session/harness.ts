// Run in a separate process: makes a 1-validator network inside a session,
// prints its session id and the ports its nodes listen on, then idles until
// killed, so a test can `kill -9` it and watch the reaper.
//   tsx harness.ts <mode> <name> [image]
import { open } from "../../src/index.js";

const [mode, name, image] = process.argv.slice(2) as [string, string, string | undefined];
const client = await open(mode, { session: true });
const net = await client.createNetwork({ name, validators: 1, ...(image ? { image } : {}) });
await net.waitReady({ signal: AbortSignal.timeout(180_000) });
// The k8s mode lists no nodes; its tests read what is left from the API server.
const nodes = mode === "k8s" ? [] : await client.listNodes({ network: name });
const ports = nodes.flatMap((n) =>
  [n.tendermintRpc, n.evmRpc, n.rest].flatMap((url) => (url ? [Number(new URL(url).port)] : [])),
);
process.stdout.write(`${JSON.stringify({ session: client.session?.id, ports })}\n`);
setInterval(() => {}, 60_000);
