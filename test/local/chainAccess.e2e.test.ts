// The chain a harness gets by default, on real seid: staking works on 1 and
// on 4 validators with no override, a follower state-syncs from a
// 4-validator network, `seid` runs against every role with the node's own
// client config and keyring, and two networks sharing one chain id never peer.
import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import {
  type Client,
  type Network,
  type Node,
  earliestHeight,
  open,
  stakingValidators,
  waitCaughtUp,
  waitHeightAdvances,
} from "../../src/index.js";
import { deleteAllAndCheck } from "./leftovers.js";
import { testSeid } from "./seid.js";

const ready = () => ({ signal: AbortSignal.timeout(180_000) });
let stateDir: string;
let client: Client;
let four: Network;
let one: Network;

before(async () => {
  await testSeid();
  stateDir = await mkdtemp(join(tmpdir(), "seinet-chain-"));
  client = await open("local", { stateDir });
  // Both chains are "sei", as sei-chain's own suites assume; the names stay unique.
  // Snapshots every 20 blocks, 5 kept, so a follower can state-sync from the four.
  four = await client.createNetwork({
    name: "four",
    chainId: "sei",
    validators: 4,
    snapshots: { interval: 20, keepRecent: 5 },
  });
  one = await client.createNetwork({ name: "one", chainId: "sei", validators: 1 });
  await Promise.all([four.waitReady(ready()), one.waitReady(ready())]);
});

after(() => deleteAllAndCheck(client, stateDir));

/** Runs `seid` on a node and returns its stdout; a non-zero exit fails the test with seid's stderr. */
async function seid(node: Node, args: string[]): Promise<string> {
  assert.ok(node.seid, "local nodes run seid");
  const result = await node.seid(args, { signal: AbortSignal.timeout(60_000) });
  assert.equal(result.exitCode, 0, `seid ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

/** Signs `seid tx <args>` with the network's test account through `node`, waits for its block, and checks it passed DeliverTx. */
async function tx(node: Node, args: string[]): Promise<void> {
  const out = await seid(node, [
    "tx",
    ...args,
    "--from",
    "test-account",
    "--gas",
    "500000",
    "--fees",
    "50000usei",
    "-b",
    "block",
    "-y",
    "--output",
    "json",
  ]);
  const result = JSON.parse(out) as { code?: number; raw_log?: string };
  assert.equal(
    result.code ?? 0,
    0,
    `tx ${args.slice(0, 2).join(" ")} failed in DeliverTx: ${result.raw_log}`,
  );
}

/** usei the test account has delegated to `validator` (0 when none). */
async function delegated(node: Node, delegator: string, validator: string): Promise<bigint> {
  const out = await seid(node, ["q", "staking", "delegations", delegator, "--output", "json"]);
  const { delegation_responses } = JSON.parse(out) as {
    delegation_responses: { delegation: { validator_address: string }; balance: { amount: string } }[];
  };
  const found = delegation_responses.find((d) => d.delegation.validator_address === validator);
  return BigInt(found?.balance.amount ?? "0");
}

/** The operator address of each validator, by node name. */
async function operators(net: Network): Promise<Map<string, string>> {
  const list = await stakingValidators(net.rest as string);
  return new Map(list.map((v) => [v.moniker, v.operatorAddress]));
}

/** Node ids of the peers a node is connected to, read from its /net_info. */
async function peerIds(node: Node): Promise<string[]> {
  const response = await fetch(`${node.tendermintRpc}/net_info`);
  const body = (await response.json()) as {
    peers?: { node_info?: { id?: string }; node_id?: string }[];
    result?: { peers?: { node_info?: { id?: string }; node_id?: string }[] };
  };
  const peers = body.result?.peers ?? body.peers ?? [];
  return peers.map((p) => p.node_info?.id ?? p.node_id ?? "");
}

const nodeId = (node: Node) => (node.object() as { nodeId: string }).nodeId;

describe("local: the default chain on real seid", () => {
  test("default: two networks with chain id sei run side by side and peer only within themselves", async () => {
    assert.equal(four.chainId, "sei");
    assert.equal(one.chainId, "sei");
    const fourNodes = await client.listNodes({ network: "four" });
    const oneNodes = await client.listNodes({ network: "one" });
    assert.equal(fourNodes.length, 4);
    assert.equal(oneNodes.length, 2, "a lone validator and its sentry");
    for (const [net, nodes] of [
      ["four", fourNodes],
      ["one", oneNodes],
    ] as const) {
      const own = new Set(nodes.map(nodeId));
      for (const node of nodes) {
        const status = JSON.parse(await seid(node, ["status"])) as {
          NodeInfo: { network: string; id: string };
        };
        assert.equal(status.NodeInfo.network, "sei");
        assert.equal(status.NodeInfo.id, nodeId(node), "seid's client config points at this node");
        const peers = await peerIds(node);
        assert.ok(peers.length > 0, `${node.name} has peers`);
        for (const peer of peers) assert.ok(own.has(peer), `${node.name} of ${net} peers only with ${net}`);
      }
    }
  });

  test("default: delegate, redelegate and unbond on 4 validators with default settings", async () => {
    const [v0, v1] = (await client.listNodes({ network: "four" })) as [Node, Node];
    const ops = await operators(four);
    const [op0, op1] = [ops.get("four-0"), ops.get("four-1")] as [string, string];
    assert.match(op0, /^seivaloper1/);
    const delegator = four.testAccount?.seiAddress as string;
    await tx(v0, ["staking", "delegate", op0, "5000000usei"]);
    assert.equal(await delegated(v0, delegator, op0), 5_000_000n);
    await tx(v1, ["staking", "redelegate", op0, op1, "3000000usei"]);
    assert.equal(await delegated(v1, delegator, op0), 2_000_000n);
    assert.equal(await delegated(v1, delegator, op1), 3_000_000n);
    await tx(v0, ["staking", "unbond", op1, "1000000usei"]);
    assert.equal(await delegated(v0, delegator, op1), 2_000_000n);
    // The validator's own operator key, by its node's name, signs too.
    const own = await seid(v0, ["keys", "show", "four-0", "--bech", "val", "-a"]);
    assert.equal(own.trim(), op0);
  });

  test("default: delegate and unbond on 1 validator with default settings", async () => {
    const validator = await client.getNode("one-0");
    const op = (await operators(one)).get("one-0") as string;
    const delegator = one.testAccount?.seiAddress as string;
    await tx(validator, ["staking", "delegate", op, "7000000usei"]);
    assert.equal(await delegated(validator, delegator, op), 7_000_000n);
    await tx(validator, ["staking", "unbond", op, "2000000usei"]);
    assert.equal(await delegated(validator, delegator, op), 5_000_000n);
  });

  test("default: a follower state-syncs from a 4-validator network and keeps up", async () => {
    const [v0, v1] = (await client.listNodes({ network: "four" })) as [Node, Node];
    const bare = (n: Node) => new URL(n.tendermintRpc as string).host;
    const follower = await client.createNode(
      { name: "four-ss", network: "four", stateSync: { rpcServers: [bare(v0), bare(v1)] } },
      ready(),
    );
    await follower.waitReady(ready());
    const status = await waitCaughtUp(follower.tendermintRpc as string, ready());
    assert.equal(status.catchingUp, false);
    assert.ok((await earliestHeight(follower.tendermintRpc as string)) > 1, "restored from a snapshot");
    await waitHeightAdvances(follower.tendermintRpc as string, 3, ready());
  });

  test("behavior: seid on a follower and a sentry reads the chain through that node, with the test account", async () => {
    const follower = await client.getNode("four-ss");
    const sentry = await client.getNode("one-sentry");
    for (const node of [follower, sentry]) {
      const keys = JSON.parse(await seid(node, ["keys", "list", "--output", "json"])) as { name: string }[];
      assert.deepEqual(
        keys.map((k) => k.name),
        ["test-account"],
      );
      const net = node === sentry ? one : four;
      const balances = JSON.parse(
        await seid(node, [
          "q",
          "bank",
          "balances",
          net.testAccount?.seiAddress as string,
          "--output",
          "json",
        ]),
      ) as { balances: { denom: string; amount: string }[] };
      assert.ok(balances.balances.some((b) => b.denom === "usei" && BigInt(b.amount) > 0n));
    }
    // Exit codes pass through: a query seid refuses is a non-zero result, not a throw.
    const refused = await sentry.seid?.(["q", "bank", "balances", "not-an-address"]);
    assert.notEqual(refused?.exitCode, 0);
  });
});
