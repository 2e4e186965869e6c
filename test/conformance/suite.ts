// The provider-agnostic conformance suite: what every mode must do, written
// only against the public API. A mode's e2e file calls `conformance()` with a
// way to open a client and the spec extras that mode needs (an image, a binary).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  type Client,
  type NetworkSpec,
  type NodeSpec,
  NotFoundError,
  UsageError,
  earliestHeight,
  isCanceled,
  isTimeout,
  latestHeight,
  waitCaughtUp,
  waitEvmServing,
  waitHeightAdvances,
  waitRestServing,
} from "../../src/index.js";
import { evmTransfer } from "../local/evm.js";
import { type PerturbTarget, assertRefused, perturbations } from "./perturbations.js";

/** How a mode plugs into the suite. */
export interface ConformanceTarget {
  /** Mode name, for test titles. */
  mode: string;
  /** Opens a fresh client of the mode. */
  open(): Promise<Client>;
  /** Fields the mode needs on every network and node spec (e.g. `image`). */
  networkExtras?: Partial<NetworkSpec>;
  nodeExtras?: Partial<NodeSpec>;
  /** Generous bound for one readiness wait in this mode. */
  readyTimeoutMs: number;
  /** The mode runs tasks (AwaitNodesAtHeight, RestartSeid): the suite checks them. */
  tasks?: boolean;
  /** The mode runs StateSync workflows from networks with `snapshots`: the suite checks one. */
  workflows?: boolean;
  /**
   * The mode runs the nodes itself (local, docker): the suite checks the node
   * verbs that need the runtime (logs, `seid`, and fault verbs it offers).
   */
  runtimeVerbs?: boolean;
  /** The fault verbs the mode makes real, checked on a 4-validator network. */
  perturb?: PerturbTarget;
  /** Fault verbs the mode refuses: each must be a UsageError on a follower. */
  refusedVerbs?: readonly string[];
}

let seq = 0;
const name = (p: string) => `c${process.pid % 10000}-${p}-${++seq}`;

/** Registers the conformance tests for one mode. */
export function conformance(target: ConformanceTarget): void {
  const ready = () => ({ signal: AbortSignal.timeout(target.readyTimeoutMs) });

  describe(`conformance: ${target.mode}`, () => {
    test("default: network + follower lifecycle through the public API", async () => {
      await using client = await target.open();
      const network = name("net");
      const net = await client.createNetwork({ name: network, validators: 1, ...target.networkExtras });
      assert.equal(net.name, network);
      assert.equal(net.chainId, network);
      await net.waitReady(ready());
      assert.equal(net.phase, "Ready");
      assert.ok(net.tendermintRpc, "a Ready network publishes its Tendermint RPC");

      const node = await client.createNode({ name: `${network}-rpc`, network, ...target.nodeExtras });
      assert.equal(node.network, network);
      await node.waitReady(ready());
      assert.equal(node.phase, "Running");
      await using local = await node.forward();
      for (const key of ["evmRpc", "evmWs", "tendermintRpc", "rest"] as const) {
        assert.ok(local[key], `a Running follower serves ${key}`);
      }
      await waitCaughtUp(local.tendermintRpc!, ready());
      const { start, height } = await waitHeightAdvances(local.tendermintRpc!, 2, ready());
      assert.ok(height >= start + 2);
      assert.ok((await latestHeight(local.tendermintRpc!)) >= height);
      await waitEvmServing(local.evmRpc!, ready());
      await waitRestServing(local.rest!, ready());
      if (net.testAccount) {
        // Modes that make the genesis fund a test account: it can transact at once.
        await evmTransfer(local.evmRpc!, net.testAccount, "0x000000000000000000000000000000000000bEEF");
      }

      const again = await client.getNode(node.name, { namespace: node.namespace });
      assert.equal(again.phase, "Running");
      assert.equal(again.evmRpc, node.evmRpc);
      assert.equal(
        (await client.getNetwork(network, { namespace: net.namespace })).tendermintRpc,
        net.tendermintRpc,
      );

      if (target.refusedVerbs) await assertRefused(again, target.refusedVerbs);
      if (target.runtimeVerbs) {
        // Every verb of the node handle that the mode's runtime makes real.
        await again.refresh();
        assert.ok(again.object(), "object() is the mode's raw resource");
        const lines: string[] = [];
        for await (const line of again.logs({ tail: 3 })) lines.push(line);
        assert.ok(lines.length > 0 && lines.length <= 3, `logs gives the tail (${lines.length} lines)`);
        assert.ok(again.seid, "the mode runs seid against a node");
        const status = await again.seid(["status"], ready());
        assert.equal(status.exitCode, 0, status.stderr);
        const info = (JSON.parse(status.stdout) as { NodeInfo: { moniker: string; network: string } })
          .NodeInfo;
        assert.deepEqual([info.moniker, info.network], [again.name, net.chainId]);
        if (again.pause && again.unpause) {
          await again.pause();
          await again.unpause();
          await again.waitReady(ready());
        }
      }

      await node.delete();
      await node.delete();
      await net.delete();
      await net.delete();
      await assert.rejects(client.getNode(node.name, { namespace: node.namespace }), NotFoundError);
    });

    if (target.tasks) {
      test("default: tasks run against a follower and are read back by name", async () => {
        await using client = await target.open();
        const network = name("task");
        const net = await client.createNetwork({ name: network, validators: 1, ...target.networkExtras });
        await net.waitReady(ready());
        const node = await client.createNode({ name: `${network}-rpc`, network, ...target.nodeExtras });
        await node.waitReady(ready());
        await using local = await node.forward();
        const now = await latestHeight(local.tendermintRpc!);
        const height = await client.runTask({
          name: `${network}-h`,
          namespace: node.namespace,
          node: node.name,
          kind: "AwaitNodesAtHeight",
          awaitNodesAtHeight: { targetHeight: now + 2 },
        });
        assert.equal(height.kind, "AwaitNodesAtHeight");
        const outputs = await height.wait(ready());
        assert.ok((outputs.awaitNodesAtHeight?.currentHeight ?? 0) >= now + 2);
        const again = await client.getTask(height.name, { namespace: node.namespace });
        assert.equal(again.phase, "Complete");
        const restart = await client.runTask({
          name: `${network}-r`,
          namespace: node.namespace,
          node: node.name,
          kind: "RestartSeid",
          restartSeid: {},
        });
        await restart.wait(ready());
        await node.waitReady(ready());
        await height.delete();
        await restart.delete();
        await assert.rejects(client.getTask(height.name, { namespace: node.namespace }), NotFoundError);
        await node.delete();
        await net.delete();
      });
    }

    if (target.workflows) {
      test("default: a StateSync workflow re-bootstraps a follower from a snapshot", async () => {
        await using client = await target.open();
        const network = name("wf");
        const net = await client.createNetwork({
          name: network,
          validators: 1,
          snapshots: { interval: 20, keepRecent: 5 },
          ...target.networkExtras,
        });
        await net.waitReady(ready());
        const node = await client.createNode({ name: `${network}-rpc`, network, ...target.nodeExtras });
        const witness = await client.createNode({ name: `${network}-w`, network, ...target.nodeExtras });
        await node.waitReady(ready());
        await witness.waitReady(ready());
        const validator = await client.getNode(net.validators[0]!, { namespace: net.namespace });
        // Witnesses as a node of the network dials them (the runtime's own
        // endpoints), never the node being re-bootstrapped: it is down meanwhile.
        const rpcServers = [validator, witness].map((n) => new URL(n.tendermintRpc!).host);
        await assert.rejects(
          client.createWorkflow({
            name: `${network}-v`,
            namespace: node.namespace,
            node: validator.name,
            kind: "StateSync",
            stateSync: { rpcServers },
          }),
          UsageError,
        );
        const workflow = await client.createWorkflow({
          name: `${network}-s`,
          namespace: node.namespace,
          node: node.name,
          kind: "StateSync",
          stateSync: { rpcServers },
        });
        assert.equal(workflow.kind, "StateSync");
        await workflow.wait(ready());
        assert.equal(
          (await client.getWorkflow(workflow.name, { namespace: node.namespace })).phase,
          "Complete",
        );
        await node.waitReady(ready());
        await using local = await node.forward();
        await waitCaughtUp(local.tendermintRpc!, ready());
        assert.ok((await earliestHeight(local.tendermintRpc!)) > 1, "restored from a snapshot, not replayed");
        await workflow.delete();
        await workflow.delete();
        await assert.rejects(client.getWorkflow(workflow.name, { namespace: node.namespace }), NotFoundError);
        await witness.delete();
        await node.delete();
        await net.delete();
      });
    }

    test("error: bad input is a UsageError and creates nothing", async () => {
      await using client = await target.open();
      const network = name("bad");
      for (const spec of [
        { name: network, validators: 2 },
        { name: network.toUpperCase(), validators: 1 },
        { name: network, validators: 0 },
      ]) {
        await assert.rejects(client.createNetwork({ ...target.networkExtras, ...spec }), UsageError);
      }
      await assert.rejects(client.getNetwork(network), NotFoundError);
    });

    test("error: deadline and abort are told apart", async () => {
      await using client = await target.open();
      const net = await client.createNetwork({ name: name("sig"), validators: 1, ...target.networkExtras });
      const ac = new AbortController();
      ac.abort();
      assert.ok(isCanceled(await net.waitReady({ signal: ac.signal }).catch((e: unknown) => e)));
      assert.ok(isTimeout(await net.waitReady({ signal: AbortSignal.timeout(1) }).catch((e: unknown) => e)));
      await net.delete();
    });
  });
  if (target.perturb) perturbations(target, target.perturb, name);
}
