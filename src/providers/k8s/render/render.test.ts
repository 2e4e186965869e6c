import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { NetworkSpec, NodeSpec, TaskSpec, WorkflowSpec } from "../../../specs/types.js";
import { mergeLabels } from "./labels.js";
import { renderNetwork } from "./renderNetwork.js";
import { renderNode } from "./renderNode.js";
import { renderTask } from "./renderTask.js";
import { renderWorkflow } from "./renderWorkflow.js";

const MANAGED = { "app.kubernetes.io/managed-by": "seinet" };
const ADDR = "sei1qpzry9x8gf2tvdw0s3jn54khce6mua7lqpzry9";
const ADDR2 = "sei1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq";

describe("mergeLabels", () => {
  test("default: managed-by is always set", () => {
    assert.deepEqual(mergeLabels(undefined, {}), MANAGED);
  });

  test("behavior: the SDK's own labels win over the caller's", () => {
    assert.deepEqual(
      mergeLabels(
        { team: "a", "app.kubernetes.io/managed-by": "me", "sei.io/role": "x" },
        { "sei.io/role": "node" },
      ),
      { team: "a", "app.kubernetes.io/managed-by": "seinet", "sei.io/role": "node" },
    );
  });
});

describe("renderNetwork", () => {
  test("default: a minimal network, whose validators go with it when it is deleted", () => {
    assert.deepEqual(renderNetwork({ name: "devnet", validators: 1 }, "ci", "sei:v6.6.2"), {
      apiVersion: "sei.io/v1alpha1",
      kind: "SeiNetwork",
      metadata: { name: "devnet", namespace: "ci", labels: MANAGED },
      spec: { image: "sei:v6.6.2", replicas: 1, genesis: { chainId: "devnet" }, deletionPolicy: "Delete" },
    });
  });

  test("behavior: every field lands where the CRD expects it", () => {
    const spec: NetworkSpec = {
      name: "devnet",
      validators: 4,
      accounts: [
        { address: ADDR, balance: "1000usei" },
        {
          address: ADDR2,
          balance: "5usei,7uatom",
          vesting: { amount: "5usei", endTime: 1700000000, delayed: true },
        },
        {
          address: "sei1zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
          balance: "1usei",
          vesting: { amount: "1usei", endTime: 9 },
        },
      ],
      genesis: {
        "consensus_params.block.max_gas": "100000000",
        "app_state.gov.voting_params": { voting_period: "10s" },
      },
      config: { "mempool.size": "5000" },
      labels: { team: "chain", "app.kubernetes.io/managed-by": "someone-else" },
      deletionPolicy: "Retain",
      sidecarImage: "sidecar:v1",
      image: "ignored-by-render",
    };
    const rendered = renderNetwork(spec, "ci", "sei:v6.6.2");
    assert.deepEqual(rendered, {
      apiVersion: "sei.io/v1alpha1",
      kind: "SeiNetwork",
      metadata: { name: "devnet", namespace: "ci", labels: { team: "chain", ...MANAGED } },
      spec: {
        image: "sei:v6.6.2",
        replicas: 4,
        genesis: {
          chainId: "devnet",
          accounts: [
            { address: ADDR, balance: "1000usei" },
            {
              address: ADDR2,
              balance: "5usei,7uatom",
              vesting: { amount: "5usei", endTime: 1700000000, delayed: true },
            },
            {
              address: "sei1zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
              balance: "1usei",
              vesting: { amount: "1usei", endTime: 9 },
            },
          ],
          overrides: {
            "consensus_params.block.max_gas": "100000000",
            "app_state.gov.voting_params": { voting_period: "10s" },
          },
        },
        configOverrides: { "mempool.size": "5000" },
        deletionPolicy: "Retain",
        sidecar: { image: "sidecar:v1" },
      },
    });
  });

  test("behavior: empty accounts, genesis and config are omitted", () => {
    const rendered = renderNetwork(
      { name: "n", validators: 3, accounts: [], genesis: {}, config: {} },
      "d",
      "i",
    );
    assert.deepEqual(rendered.spec, {
      image: "i",
      replicas: 3,
      genesis: { chainId: "n" },
      deletionPolicy: "Delete",
    });
  });

  test("behavior: snapshots become state-sync configOverrides beside the caller's config", () => {
    const rendered = renderNetwork(
      { name: "n", validators: 1, snapshots: { interval: 10 }, config: { "mempool.size": "5000" } },
      "d",
      "i",
    );
    assert.deepEqual(rendered.spec.configOverrides, {
      "state-sync.snapshot-interval": "10",
      "state-sync.snapshot-keep-recent": "2",
      "mempool.size": "5000",
    });
    const kept = renderNetwork(
      { name: "n", validators: 1, snapshots: { interval: 500, keepRecent: 7 } },
      "d",
      "i",
    );
    assert.deepEqual(kept.spec.configOverrides, {
      "state-sync.snapshot-interval": "500",
      "state-sync.snapshot-keep-recent": "7",
    });
  });

  test("behavior: the rendered object does not alias the spec", () => {
    const spec: NetworkSpec = { name: "n", validators: 1, genesis: { a: 1 }, config: { b: "2" } };
    const rendered = renderNetwork(spec, "d", "i");
    (rendered.spec.configOverrides as Record<string, string>).b = "changed";
    ((rendered.spec.genesis as Record<string, unknown>).overrides as Record<string, unknown>).a = 2;
    assert.deepEqual(spec, { name: "n", validators: 1, genesis: { a: 1 }, config: { b: "2" } });
  });
});

describe("renderNode", () => {
  test("args: chainId renders into genesis.chainId; a follower takes the chain id it is given", () => {
    const net = renderNetwork({ name: "devnet", chainId: "sei", validators: 1 }, "ci", "sei:v6.6.2");
    assert.equal((net.spec as { genesis: { chainId: string } }).genesis.chainId, "sei");
    const node = renderNode({ name: "rpc-0", network: "devnet" }, "ci", "sei:v6.6.2", "sei");
    assert.equal((node.spec as { chainId: string }).chainId, "sei");
    assert.equal(node.metadata.labels?.["sei.io/seinetwork"], "devnet");
  });

  test("default: a follower peered by label to its network", () => {
    assert.deepEqual(renderNode({ name: "rpc-0", network: "devnet" }, "ci", "sei:v6.6.2"), {
      apiVersion: "sei.io/v1alpha1",
      kind: "SeiNode",
      metadata: {
        name: "rpc-0",
        namespace: "ci",
        labels: { ...MANAGED, "sei.io/role": "node", "sei.io/seinetwork": "devnet" },
      },
      spec: {
        chainId: "devnet",
        image: "sei:v6.6.2",
        fullNode: {},
        peers: [{ label: { selector: { "sei.io/seinetwork": "devnet" }, namespace: "ci" } }],
      },
    });
  });

  test("behavior: state sync sets fullNode.snapshot.stateSync = {} and the rpc servers", () => {
    const spec: NodeSpec = {
      name: "rpc-0",
      network: "devnet",
      stateSync: { rpcServers: ["a:26657", "b:26657"] },
    };
    const rendered = renderNode(spec, "ci", "img");
    assert.deepEqual(rendered.spec.fullNode, {
      snapshot: { stateSync: {}, rpcServers: ["a:26657", "b:26657"] },
    });
    (rendered.spec.fullNode as { snapshot: { rpcServers: string[] } }).snapshot.rpcServers.push("c:1");
    assert.deepEqual(spec.stateSync?.rpcServers, ["a:26657", "b:26657"]);
  });

  test("behavior: peers use exactly one label source in networkNamespace when given", () => {
    const rendered = renderNode(
      { name: "rpc-0", network: "devnet", networkNamespace: "chains" },
      "ci",
      "img",
    );
    assert.deepEqual(rendered.spec.peers, [
      { label: { selector: { "sei.io/seinetwork": "devnet" }, namespace: "chains" } },
    ]);
    assert.equal(rendered.metadata.namespace, "ci");
  });

  test("behavior: config becomes overrides", () => {
    const rendered = renderNode(
      { name: "rpc-0", network: "devnet", config: { "p2p.max": "5" } },
      "ci",
      "img",
    );
    assert.deepEqual(rendered.spec.overrides, { "p2p.max": "5" });
    assert.equal(renderNode({ name: "r", network: "n", config: {} }, "ci", "img").spec.overrides, undefined);
  });

  test("behavior: sei.io/role and sei.io/seinetwork win over caller labels", () => {
    const rendered = renderNode(
      {
        name: "rpc-0",
        network: "devnet",
        labels: { "sei.io/role": "validator", "sei.io/seinetwork": "other", team: "x" },
      },
      "ci",
      "img",
    );
    assert.deepEqual(rendered.metadata.labels, {
      "sei.io/role": "node",
      "sei.io/seinetwork": "devnet",
      team: "x",
      ...MANAGED,
    });
  });
});

describe("renderTask", () => {
  const base = { name: "t1", node: "rpc-0" };

  test("default: kind, target node and payload; no timeout", () => {
    const spec: TaskSpec = { ...base, kind: "AwaitNodesAtHeight", awaitNodesAtHeight: { targetHeight: 100 } };
    assert.deepEqual(renderTask(spec, "ci"), {
      apiVersion: "sei.io/v1alpha1",
      kind: "SeiNodeTask",
      metadata: { name: "t1", namespace: "ci", labels: MANAGED },
      spec: {
        kind: "AwaitNodesAtHeight",
        target: { nodeRef: { name: "rpc-0" } },
        awaitNodesAtHeight: { targetHeight: 100 },
      },
    });
  });

  test("behavior: timeoutSeconds is the ceiling of the ms timeout", () => {
    const spec = (timeout: number): TaskSpec => ({
      ...base,
      kind: "UpdateNodeImage",
      timeout,
      updateNodeImage: { image: "sei:v2" },
    });
    for (const [ms, seconds] of [
      [1000, 1],
      [1001, 2],
      [1999.5, 2],
      [60_000, 60],
      [90_500, 91],
    ] as const) {
      assert.equal(renderTask(spec(ms), "ci").spec.timeoutSeconds, seconds, String(ms));
    }
  });

  test("behavior: requirePhase and its timeout render onto the target", () => {
    const rendered = renderTask(
      {
        ...base,
        kind: "RestartSeid",
        restartSeid: {},
        requirePhase: "Running",
        requirePhaseTimeout: 90_500,
      },
      "ci",
    );
    assert.deepEqual(rendered.spec.target, {
      nodeRef: { name: "rpc-0" },
      requirePhase: "Running",
      requirePhaseTimeout: "91s",
    });
  });

  test("error: UpdateNodeImage with only a local binary is refused in k8s", () => {
    assert.throws(
      () => renderTask({ ...base, kind: "UpdateNodeImage", updateNodeImage: { binary: "v6.6.2" } }, "ci"),
      /takes an `image`/,
    );
  });

  test("behavior: every kind renders its own payload key", () => {
    const gov = { chainId: "devnet", fees: "20000usei", gas: 200000 };
    const specs: TaskSpec[] = [
      {
        ...base,
        kind: "GovSoftwareUpgrade",
        govSoftwareUpgrade: {
          ...gov,
          title: "t",
          description: "d",
          initialDeposit: "10usei",
          upgradeName: "v2",
          upgradeHeight: 100,
        },
      },
      { ...base, kind: "GovVote", govVote: { ...gov, proposalId: 1, option: "yes", keyName: "node_admin" } },
      { ...base, kind: "AwaitNodesAtHeight", awaitNodesAtHeight: { targetHeight: 5 } },
      { ...base, kind: "UpdateNodeImage", updateNodeImage: { image: "sei:v2" } },
      {
        ...base,
        kind: "GovParamChange",
        govParamChange: {
          ...gov,
          title: "t",
          description: "d",
          initialDeposit: "10usei",
          changes: [{ subspace: "staking", key: "MaxValidators", value: "50" }],
        },
      },
      { ...base, kind: "RestartSeid", restartSeid: {} },
    ];
    const keys = [
      "govSoftwareUpgrade",
      "govVote",
      "awaitNodesAtHeight",
      "updateNodeImage",
      "govParamChange",
      "restartSeid",
    ] as const;
    specs.forEach((spec, i) => {
      const key = keys[i]!;
      const rendered = renderTask(spec, "ci");
      assert.deepEqual(Object.keys(rendered.spec).sort(), ["kind", "target", key].sort());
      assert.deepEqual(rendered.spec[key], spec[key]);
      assert.notEqual(rendered.spec[key], spec[key]);
    });
  });

  test("behavior: caller labels are kept, managed-by added", () => {
    const spec: TaskSpec = {
      ...base,
      kind: "AwaitNodesAtHeight",
      labels: { "sei.io/run": "r1" },
      awaitNodesAtHeight: { targetHeight: 1 },
    };
    assert.deepEqual(renderTask(spec, "ci").metadata.labels, { "sei.io/run": "r1", ...MANAGED });
  });
});

describe("renderWorkflow", () => {
  test("default: a StateSync of the target node", () => {
    const spec: WorkflowSpec = {
      name: "sync",
      node: "rpc-0",
      kind: "StateSync",
      stateSync: { rpcServers: ["a:26657", "b:26657"] },
    };
    assert.deepEqual(renderWorkflow(spec, "ci"), {
      apiVersion: "sei.io/v1alpha1",
      kind: "SeiNodeTaskWorkflow",
      metadata: { name: "sync", namespace: "ci", labels: MANAGED },
      spec: {
        kind: "StateSync",
        target: { nodeRef: { name: "rpc-0" } },
        stateSync: { rpcServers: ["a:26657", "b:26657"] },
      },
    });
  });

  test("behavior: a GigaStore migration is rendered, with or without a backend", () => {
    const spec = (gigaStore?: { backend?: "pebbledb" | "rocksdb" }): WorkflowSpec => ({
      name: "sync",
      node: "rpc-0",
      kind: "StateSync",
      stateSync: {
        rpcServers: ["a:1", "b:1"],
        migration: { kind: "GigaStore", ...(gigaStore ? { gigaStore } : {}) },
      },
    });
    assert.deepEqual(renderWorkflow(spec({ backend: "rocksdb" }), "ci").spec.stateSync, {
      rpcServers: ["a:1", "b:1"],
      migration: { kind: "GigaStore", gigaStore: { backend: "rocksdb" } },
    });
    assert.deepEqual(renderWorkflow(spec(), "ci").spec.stateSync, {
      rpcServers: ["a:1", "b:1"],
      migration: { kind: "GigaStore", gigaStore: {} },
    });
  });
});
