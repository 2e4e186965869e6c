// A real chain upgrade through gov in the local mode: v6.5.2 → v6.6.2 with the
// "v6.6" handler, on 1 validator + 1 follower and on 4 validators; a binary
// swapped before the upgrade height is refused by the chain; bad task input
// leaves the network untouched.
import assert from "node:assert/strict";
import { mkdtemp, readlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { http, createPublicClient, defineChain } from "viem";
import {
  type Client,
  FailedError,
  type GovVoteSpec,
  NotFoundError,
  UsageError,
  installSeid,
  latestHeight,
  open,
  upgradeNetwork,
  waitEvmServing,
  waitHeightAdvances,
} from "../../src/index.js";
import { SEI_EVM_CHAIN_ID, evmTransfer } from "./evm.js";
import { deleteAllAndCheck } from "./leftovers.js";
import { sharedBundle, testSeid } from "./seid.js";

const ready = () => ({ signal: AbortSignal.timeout(120_000) });
let stateDir: string;
let client: Client;
let newSeid: string;

before(async () => {
  newSeid = await testSeid();
  const old = sharedBundle("v6.5.2");
  assert.ok(old, "the v6.5.2 bundle is in ../shared/seid/");
  await installSeid({ from: old, signal: AbortSignal.timeout(300_000) });
  stateDir = await mkdtemp(join(tmpdir(), "seinet-upgrade-"));
  client = await open("local", { stateDir });
});

after(() => deleteAllAndCheck(client, stateDir));

const pidOf = (handle: { object(): unknown }) => (handle.object() as { proc: { pid: number } }).proc.pid;

async function rehearse(name: string, validators: number, followers: number): Promise<void> {
  const net = await client.createNetwork({ name, validators, binary: "v6.5.2" });
  await net.waitReady(ready());
  const nodes = [];
  for (let i = 0; i < followers; i++)
    nodes.push(await client.createNode({ name: `${name}-rpc-${i}`, network: name }));
  for (const node of nodes) await node.waitReady(ready());
  const all = await client.listNodes({ network: name });
  for (const node of all)
    assert.equal((node.object() as { seid: { version: string } }).seid.version, "v6.5.2");

  const evmRpc = (nodes[0] ?? (await client.getNode(`${name}-0`))).evmRpc!;
  await waitEvmServing(evmRpc, ready());
  const before = await evmTransfer(evmRpc, net.testAccount!, "0x000000000000000000000000000000000000cafE");

  const report = await upgradeNetwork(client, {
    network: name,
    to: "v6.6.2",
    name: "v6.6",
    signal: AbortSignal.timeout(240_000),
  });
  assert.ok(report.proposalId >= 1);
  assert.equal(report.nodes.length, all.length);
  for (const node of report.nodes) {
    assert.equal(node.applied, "v6.6.2", node.name);
    assert.ok(node.height >= report.height + 2, `${node.name} at ${node.height} passed ${report.height}`);
  }
  // The halt was seen at the upgrade height in the validators' own logs. With
  // several validators only those that executed the block log it; the others
  // stood one block short and were swapped there.
  let halted = 0;
  for (const v of net.validators) {
    for await (const line of (await client.getNode(v)).logs({ tail: 100_000 })) {
      if (
        line.includes("UPGRADE") &&
        line.includes("v6.6") &&
        line.includes(`NEEDED at height: ${report.height}`)
      ) {
        halted++;
        break;
      }
    }
  }
  assert.ok(halted >= 1, `a validator halted at ${report.height}`);
  if (validators === 1) assert.equal(halted, 1);
  // Every running process is the v6.6.2 binary, and the chain moves on.
  for (const node of await client.listNodes({ network: name })) {
    assert.equal(node.phase, "Running", node.name);
    assert.equal(await readlink(`/proc/${pidOf(node)}/exe`), newSeid, `${node.name} runs ${newSeid}`);
  }
  await waitHeightAdvances(
    net.tendermintRpc ?? (await client.getNode(`${name}-0`)).tendermintRpc!,
    2,
    ready(),
  );
  // State from before the upgrade is still there; a new transfer is mined after it.
  const chain = defineChain({
    id: SEI_EVM_CHAIN_ID,
    name: "sei",
    nativeCurrency: { name: "SEI", symbol: "SEI", decimals: 18 },
    rpcUrls: { default: { http: [evmRpc] } },
  });
  const pub = createPublicClient({ chain, transport: http(evmRpc) });
  const old = await pub.getTransactionReceipt({ hash: before.hash });
  assert.equal(old.status, "success");
  const afterTx = await evmTransfer(evmRpc, net.testAccount!, "0x000000000000000000000000000000000000cafE");
  assert.ok(afterTx.blockNumber > BigInt(report.height));
  await net.delete({ cascade: true });
}

describe("local: upgrade rehearsal v6.5.2 → v6.6.2", () => {
  test("default: 1 validator + 1 follower upgrade through gov and keep their state", async () => {
    await rehearse("upg-1v1f", 1, 1);
  });

  test("default: 4 validators upgrade through gov", async () => {
    await rehearse("upg-4v", 4, 0);
  });

  test("error: a binary swapped before the upgrade height is refused by the chain, promptly", async () => {
    const name = "upg-early";
    const net = await client.createNetwork({ name, validators: 1, binary: "v6.5.2" });
    await net.waitReady(ready());
    const validator = await client.getNode(`${name}-0`);
    const height = (await latestHeight(net.tendermintRpc!)) + 2_000;
    const gov = { chainId: name, fees: "20000usei", gas: 200_000 };
    const propose = await client.runTask({
      name: "early-propose",
      node: validator.name,
      kind: "GovSoftwareUpgrade",
      govSoftwareUpgrade: {
        ...gov,
        title: "early",
        description: "swap too soon",
        initialDeposit: "10000000usei",
        upgradeName: "v6.6",
        upgradeHeight: height,
      },
    });
    const { govSoftwareUpgrade } = await propose.wait(ready());
    const vote = await client.runTask({
      name: "early-vote",
      node: validator.name,
      kind: "GovVote",
      govVote: { ...gov, proposalId: govSoftwareUpgrade!.proposalId!, option: "yes" },
    });
    await vote.wait(ready());
    // Wait for the plan to be scheduled (the proposal passes when voting ends).
    for (let i = 0; ; i++) {
      const res = await fetch(`${validator.rest}/cosmos/upgrade/v1beta1/current_plan`);
      const { plan } = (await res.json()) as { plan?: { name: string } | null };
      if (plan?.name === "v6.6") break;
      assert.ok(i < 200, "the upgrade plan is scheduled after the vote");
      await new Promise((r) => setTimeout(r, 100));
    }
    const swap = await client.runTask({
      name: "early-swap",
      node: validator.name,
      kind: "UpdateNodeImage",
      updateNodeImage: { binary: "v6.6.2" },
    });
    await swap.wait(ready());
    const started = Date.now();
    await assert.rejects(validator.waitReady(ready()), (e: unknown) => {
      assert.ok(e instanceof FailedError, String(e));
      assert.match(e.logTail ?? "", /BINARY UPDATED BEFORE TRIGGER/);
      return true;
    });
    assert.ok(Date.now() - started < 30_000, "reported within seconds");
    await validator.refresh();
    assert.equal(validator.phase, "Failed");
    await net.delete();
  });

  test("error: bad task input is refused before anything reaches the chain; a good param change passes", async () => {
    const name = "upg-bad";
    const net = await client.createNetwork({ name, validators: 1 });
    await net.waitReady(ready());
    const gov = { chainId: name, fees: "20000usei", gas: 200_000 };
    await assert.rejects(
      client.runTask({ name: "t-unknown", node: "no-such-node", kind: "RestartSeid", restartSeid: {} }),
      NotFoundError,
    );
    await assert.rejects(
      client.runTask({
        name: "t-missing",
        node: `${name}-0`,
        kind: "GovVote",
        // A required field missing on purpose.
        govVote: { ...gov, option: "yes" } as unknown as GovVoteSpec,
      }),
      (e: unknown) => e instanceof UsageError && e.field === "govVote.proposalId",
    );
    await assert.rejects(
      client.runTask({
        name: "t-noprop",
        node: `${name}-0`,
        kind: "GovVote",
        govVote: { ...gov, proposalId: 99, option: "yes" },
      }),
      (e: unknown) => e instanceof UsageError && /Proposal 99 does not exist/.test(e.message),
    );
    await assert.rejects(
      client.runTask({
        name: "t-fees",
        node: `${name}-0`,
        kind: "GovVote",
        govVote: { ...gov, fees: "1usei", proposalId: 1, option: "yes" },
      }),
      (e: unknown) => e instanceof UsageError && e.field === "govVote.fees",
    );
    await assert.rejects(
      client.runTask({
        name: "t-chain",
        node: `${name}-0`,
        kind: "GovVote",
        govVote: { ...gov, chainId: "other", proposalId: 1, option: "yes" },
      }),
      (e: unknown) => e instanceof UsageError && e.field === "govVote.chainId",
    );
    await assert.rejects(
      client.runTask({
        name: "t-follower",
        node: `${name}-sentry`,
        kind: "GovVote",
        govVote: { ...gov, proposalId: 1, option: "yes" },
      }),
      (e: unknown) => e instanceof UsageError && e.field === "node",
    );
    await assert.rejects(
      client.runTask({
        name: "t-bin",
        node: `${name}-0`,
        kind: "UpdateNodeImage",
        updateNodeImage: { binary: "v0.0.1" },
      }),
    );
    for (const task of ["t-unknown", "t-missing", "t-noprop", "t-fees", "t-chain", "t-follower", "t-bin"]) {
      await assert.rejects(client.getTask(task), NotFoundError, task);
    }
    await net.refresh();
    assert.equal(net.phase, "Ready", "the network is untouched");
    await waitHeightAdvances(net.tendermintRpc!, 2, ready());

    // A well-formed param change goes through: proposal, vote, and the chain applies it.
    const change = await client.runTask({
      name: "t-param",
      node: `${name}-0`,
      kind: "GovParamChange",
      govParamChange: {
        ...gov,
        title: "more validators",
        description: "raise MaxValidators",
        initialDeposit: "10000000usei",
        changes: [{ subspace: "staking", key: "MaxValidators", value: "50" }],
      },
    });
    const { govParamChange } = await change.wait(ready());
    assert.ok(govParamChange?.proposalId && govParamChange.txHash && govParamChange.height);
    const vote = await client.runTask({
      name: "t-param-vote",
      node: `${name}-0`,
      kind: "GovVote",
      govVote: { ...gov, proposalId: govParamChange.proposalId, option: "yes" },
    });
    await vote.wait(ready());
    const rest = (await client.getNode(`${name}-0`)).rest!;
    for (let i = 0; ; i++) {
      const res = await fetch(`${rest}/cosmos/staking/v1beta1/params`);
      const { params } = (await res.json()) as { params: { max_validators: number } };
      if (params.max_validators === 50) break;
      assert.ok(i < 200, "the param change is applied once the vote ends");
      await new Promise((r) => setTimeout(r, 100));
    }
    await net.delete();
  });
});
