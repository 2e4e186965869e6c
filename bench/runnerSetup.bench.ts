// What the runner helpers cost over a hand-written globalSetup: the same
// network (1 validator + 1 follower, local) brought up by startNetwork (manifest
// validation, a session and its watchdog, 16 funded accounts, the eth_chainId
// and node-list reads) and by the plain SDK calls a user would write
// (open, createNetwork, waitReady, createNode, waitReady, waitCaughtUp,
// waitEvmServing). Interleaved rounds; setup = until the tests could start,
// teardown = until the network is deleted.
//
//   ROUNDS=3 npx tsx bench/runnerSetup.bench.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { open, waitCaughtUp, waitEvmServing } from "../src/index.js";
import { startNetwork } from "../src/runners/startNetwork.js";

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function handWritten(stateDir: string): Promise<[number, number]> {
  const t0 = performance.now();
  const client = await open("local", { stateDir });
  const net = await client.createNetwork({ name: "hand", validators: 1 });
  await net.waitReady();
  const node = await client.createNode({ name: "hand-rpc-0", network: "hand" });
  await node.waitReady();
  await waitCaughtUp(node.tendermintRpc as string);
  await waitEvmServing(node.evmRpc as string);
  const t1 = performance.now();
  await net.delete({ cascade: true });
  await client.close();
  return [t1 - t0, performance.now() - t1];
}

async function helper(stateDir: string): Promise<[number, number]> {
  const t0 = performance.now();
  const run = await startNetwork(
    {
      network: { name: "helper", validators: 1 },
      followers: [{ name: "helper-rpc-0" }],
      run: { mode: "local" },
    },
    { announce: false },
  );
  const t1 = performance.now();
  await run.stop();
  return [t1 - t0, performance.now() - t1];
}

const results: Record<string, [number, number][]> = { handWritten: [], helper: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, fn] of [
    ["handWritten", handWritten],
    ["helper", helper],
  ] as const) {
    const stateDir = await mkdtemp(join(tmpdir(), "seinet-bench-runner-"));
    process.env.SEINET_STATE_DIR = stateDir;
    try {
      results[name]?.push(await fn(stateDir));
    } finally {
      await rm(stateDir, { recursive: true, force: true });
    }
  }
}
for (const [name, rows] of Object.entries(results)) {
  const setup = median(rows.map((r) => r[0]));
  const teardown = median(rows.map((r) => r[1]));
  console.log(
    `${name.padEnd(12)} setup ${(setup / 1000).toFixed(2)} s  teardown ${(teardown / 1000).toFixed(2)} s  (median of ${rows.length})`,
  );
}
