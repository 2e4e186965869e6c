// The local mode end to end on real seid: networks of 1 and 4 validators with
// followers, every readiness gate, an EVM transfer through viem, and the state
// read back from another process.
import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import {
  type Client,
  type Network,
  type Node,
  fetchStatus,
  latestHeight,
  open,
  waitCaughtUp,
  waitEvmServing,
  waitHeightAdvances,
  waitRestServing,
} from "../../src/index.js";
import { evmTransfer } from "./evm.js";
import { deleteAllAndCheck } from "./leftovers.js";
import { runTs } from "./process.js";
import { testSeid } from "./seid.js";

const ready = () => ({ signal: AbortSignal.timeout(120_000) });
let stateDir: string;
let client: Client;

before(async () => {
  await testSeid();
  stateDir = await mkdtemp(join(tmpdir(), "seinet-local-"));
  client = await open("local", { stateDir });
});

after(() => deleteAllAndCheck(client, stateDir));

function portsOf(node: Node): number[] {
  const { ports } = node.object() as { ports: Record<string, number> };
  return Object.values(ports);
}

/** Every gate a harness uses, on each follower, then a transfer through the first. */
async function checkFollowers(net: Network, followers: Node[]): Promise<void> {
  for (const node of followers) {
    await node.waitReady(ready());
    assert.equal(node.phase, "Running");
    const status = await waitCaughtUp(node.tendermintRpc!, ready());
    assert.equal(status.catchingUp, false);
    assert.ok(status.latestHeight > 1);
    const { start, height } = await waitHeightAdvances(node.tendermintRpc!, 2, ready());
    assert.ok(height >= start + 2);
    await waitEvmServing(node.evmRpc!, ready());
    await waitRestServing(node.rest!, ready());
    assert.equal((await fetchStatus(node.tendermintRpc!)).network, net.chainId);
  }
  const first = followers[0]!;
  const mined = await evmTransfer(
    first.evmRpc!,
    net.testAccount!,
    "0x000000000000000000000000000000000000dEaD",
  );
  // Every follower sees the block that holds the transfer.
  for (const node of followers) {
    await waitHeightAdvances(node.tendermintRpc!, 1, ready());
    assert.ok((await latestHeight(node.tendermintRpc!)) >= Number(mined.blockNumber));
  }
}

/** What another process reads back agrees with what this one saw. */
async function checkReadBack(net: Network, followers: Node[]): Promise<void> {
  const { code, stdout, stderr } = await runTs("test/local/readBack.ts", [stateDir, net.name]);
  assert.equal(code, 0, stderr);
  const seen = JSON.parse(stdout) as {
    network: { phase: string; tendermintRpc: string };
    nodes: { name: string; phase: string; evmRpc: string; tendermintRpc: string; rest: string }[];
  };
  assert.equal(seen.network.phase, "Ready");
  assert.equal(seen.network.tendermintRpc, net.tendermintRpc);
  for (const node of followers) {
    const other = seen.nodes.find((n) => n.name === node.name);
    assert.ok(other, `${node.name} is read back`);
    assert.deepEqual(
      { phase: other.phase, evmRpc: other.evmRpc, tendermintRpc: other.tendermintRpc, rest: other.rest },
      { phase: "Running", evmRpc: node.evmRpc, tendermintRpc: node.tendermintRpc, rest: node.rest },
    );
  }
}

describe("local: real seid topologies", () => {
  for (const followerCount of [1, 2]) {
    test(`default: 1 validator + ${followerCount} follower(s) catch up, serve, and take an EVM transfer`, async () => {
      const name = `topo-1v${followerCount}f`;
      const net = await client.createNetwork({ name, validators: 1 });
      await net.waitReady(ready());
      assert.equal(net.phase, "Ready");
      assert.match(net.tendermintRpc!, /^http:\/\/127\.0\.0\.1:\d+$/);
      const followers: Node[] = [];
      for (let i = 0; i < followerCount; i++) {
        followers.push(await client.createNode({ name: `${name}-rpc-${i}`, network: name }));
      }
      await checkFollowers(net, followers);
      await checkReadBack(net, followers);
      const ports = [...followers.flatMap(portsOf)];
      for (const v of net.validators) ports.push(...portsOf(await client.getNode(v)));
      for (const node of followers) await node.delete();
      await net.delete();
      await net.delete();
      for (const port of ports) {
        const { listening } = await import("./leftovers.js");
        assert.equal(await listening(port), false, `port ${port} freed`);
      }
    });
  }

  test("default: 4 validators form consensus; a follower catches up; one validator down is Degraded", async () => {
    const name = "topo-4v";
    const net = await client.createNetwork({ name, validators: 4 });
    await net.waitReady(ready());
    const validators = await Promise.all(net.validators.map((v) => client.getNode(v)));
    assert.deepEqual(
      validators.map((v) => v.name),
      ["topo-4v-0", "topo-4v-1", "topo-4v-2", "topo-4v-3"],
    );
    await waitHeightAdvances(net.tendermintRpc!, 3, ready());
    const set = (await (await fetch(`${net.tendermintRpc}/validators`)).json()) as {
      validators?: unknown[];
      result?: { validators: unknown[] };
    };
    assert.equal((set.validators ?? set.result?.validators)?.length, 4, "four validators in the active set");
    const follower = await client.createNode({ name: "topo-4v-rpc-0", network: name });
    await checkFollowers(net, [follower]);

    // One of four validators killed from outside: 3/4 > 2/3 still makes blocks.
    const victim = validators[3]!;
    process.kill((victim.object() as { proc: { pid: number } }).proc.pid, "SIGKILL");
    await victim.refresh();
    for (let i = 0; i < 50 && victim.phase !== "Failed"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      await victim.refresh();
    }
    assert.equal(victim.phase, "Failed");
    await net.refresh();
    assert.equal(net.phase, "Degraded");
    await waitHeightAdvances(follower.tendermintRpc!, 2, ready());
    await follower.delete();
    await net.delete();
  });
});
