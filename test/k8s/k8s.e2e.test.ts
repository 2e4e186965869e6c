// The k8s mode against a real kube-apiserver + etcd with the real CRDs. The
// controller is the test-only StandInController (writes the status the real
// one writes). Tests that probe the endpoints it publishes use chain ids
// starting with "seid-": a real local seid chain serves those. Every other
// test only checks rendering, apply and phases, and gets a ChainDouble (a real
// chain costs 2–3 seid processes).
import assert from "node:assert/strict";
import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import {
  CoordinationV1Api,
  CustomObjectsApi,
  type KubeConfig,
  RbacAuthorizationV1Api,
  V1MicroTime,
} from "@kubernetes/client-node";
import { parse } from "yaml";
import {
  type Client,
  ConflictError,
  FailedError,
  InfraError,
  LABEL_MANAGED_BY,
  LABEL_SESSION,
  MANAGED_BY,
  NotFoundError,
  UsageError,
  collectGarbage,
  isCanceled,
  isFailed,
  isNotFound,
  isTimeout,
  open,
  waitCaughtUp,
  waitEvmServing,
  waitRestServing,
} from "../../src/index.js";
import { ANNOTATION_SESSION_ENTRIES } from "../../src/labels.js";
import { type TestCluster, ensureNamespace, startTestCluster } from "../kube/cluster.js";
import { testSeid } from "../local/seid.js";
import { killAndTime, startHarness } from "../session/reaper.js";
import { StandInController } from "./standInController.js";
import { assertSubset } from "./subset.js";

const ADDR = (c: string) => `sei1${c.repeat(38)}`;
let cluster: TestCluster;
let kc: KubeConfig;
let controller: StandInController;
let client: Client;
let seq = 0;
const unique = (prefix: string) => `${prefix}-${process.pid % 10000}-${++seq}`;
/** Chain ids the stand-in serves from a real seid chain rather than a double. */
const REAL = "seid-";
/** A real chain comes up in ~10 s (a follower ~10 s more) on two cores; the bound is generous. */
const REAL_READY_MS = 120_000;

async function rawGet(plural: string, namespace: string, name: string) {
  return (await kc
    .makeApiClient(CustomObjectsApi)
    .getNamespacedCustomObject({ group: "sei.io", version: "v1alpha1", namespace, plural, name })) as {
    metadata: {
      resourceVersion: string;
      generation: number;
      labels: Record<string, string>;
      managedFields: { manager: string }[];
    };
    spec: Record<string, unknown>;
  };
}

// Sessions opened here (and by the harness) keep their records in a scratch directory.
const sessionDir = await mkdtemp(join(tmpdir(), "seinet-k8s-sessions-"));
process.env.SEINET_SESSION_DIR = sessionDir;

before(async () => {
  await testSeid();
  cluster = await startTestCluster({ log: (l) => process.stderr.write(`[cluster] ${l}\n`) });
  kc = cluster.kubeConfig();
  controller = new StandInController(kc, {
    ignore: (_plural, name) => name.startsWith("manual-"),
    chain: (chainId) => (chainId.startsWith(REAL) ? "seid" : "double"),
  });
  await controller.start();
  client = await open("k8s", { kubeconfig: cluster.kubeconfigPath });
});

after(async () => {
  await client?.close();
  await controller?.stop();
  await cluster?.stop();
  assert.deepEqual(controller?.errors ?? [], [], "the stand-in controller met no errors");
});

describe("k8s: networks", () => {
  test("default: create → waitReady → endpoints from status → helpers pass → delete", async () => {
    const name = unique(`${REAL}net`);
    const net = await client.createNetwork({ name, validators: 1, image: "sei:test" });
    assert.equal(net.namespace, "default");
    assert.equal(net.chainId, name);
    assert.equal(net.tendermintRpc, undefined, "no endpoint before the controller publishes one");
    await net.waitReady({ signal: AbortSignal.timeout(REAL_READY_MS) });
    assert.equal(net.phase, "Ready");
    assert.match(net.tendermintRpc ?? "", /^http:\/\/127\.0\.0\.1:\d+$/);
    const status = await waitCaughtUp(net.tendermintRpc!, { timeout: 30_000 });
    assert.equal(status.network, name, "a real seid of this chain id answers");
    await waitRestServing(net.rest!, { timeout: 30_000 });
    const again = await client.getNetwork(name);
    assert.equal(again.phase, "Ready");
    assert.equal(again.tendermintRpc, net.tendermintRpc);
    await net.delete();
    await net.delete();
    await assert.rejects(client.getNetwork(name), NotFoundError);
  });

  test("behavior: every network field renders and the API server accepts it", async () => {
    const name = unique("full");
    const net = await client.createNetwork({
      name,
      validators: 4,
      image: "ghcr.io/sei-protocol/seid:v6.6.2",
      sidecarImage: "ghcr.io/sei-protocol/sidecar:v1",
      deletionPolicy: "Delete",
      labels: { team: "chain", "example.com/run": "r1" },
      accounts: [
        { address: ADDR("q"), balance: "1000usei" },
        {
          address: ADDR("p"),
          balance: "5usei,7uatom",
          vesting: { amount: "3usei", endTime: 1_900_000_000, delayed: true },
        },
      ],
      genesis: {
        "consensus_params.block.max_gas": "35000000",
        "staking.params.max_validators": 7,
        "gov.flag": true,
      },
      config: { "evm.http_port": "8545", "storage.pruning": "nothing" },
    });
    const stored = await rawGet("seinetworks", "default", name);
    assertSubset(stored.spec, {
      image: "ghcr.io/sei-protocol/seid:v6.6.2",
      replicas: 4,
      deletionPolicy: "Delete",
      sidecar: { image: "ghcr.io/sei-protocol/sidecar:v1" },
      genesis: {
        chainId: name,
        accounts: [
          { address: ADDR("q"), balance: "1000usei" },
          {
            address: ADDR("p"),
            balance: "5usei,7uatom",
            vesting: { amount: "3usei", endTime: 1_900_000_000, delayed: true },
          },
        ],
        overrides: {
          "consensus_params.block.max_gas": "35000000",
          "staking.params.max_validators": 7,
          "gov.flag": true,
        },
      },
      configOverrides: { "evm.http_port": "8545", "storage.pruning": "nothing" },
    });
    assert.equal(stored.metadata.labels.team, "chain");
    assert.equal(stored.metadata.labels["app.kubernetes.io/managed-by"], "seinet");
    assert.ok(
      stored.metadata.managedFields.some((f) => f.manager === "sei-sdk"),
      "written by field manager sei-sdk",
    );
    await net.delete();
  });

  test("behavior: chainId renders into genesis.chainId, and a follower takes its network's chain id", async () => {
    // "manual-": the stand-in controller leaves both alone; only rendering and apply are checked.
    const network = unique("manual-cid");
    const net = await client.createNetwork({
      name: network,
      chainId: "sei",
      validators: 1,
      image: "sei:test",
    });
    assert.equal(net.chainId, "sei");
    assertSubset((await rawGet("seinetworks", "default", network)).spec, { genesis: { chainId: "sei" } });
    const node = await client.createNode({ name: unique("manual-cid-rpc"), network, image: "sei:test" });
    assert.equal(node.network, network, "the network's name, not its chain id");
    assertSubset((await rawGet("seinodes", "default", node.name)).spec, { chainId: "sei" });
    await assert.rejects(node.seid?.(["status"]) ?? Promise.resolve(), UsageError);
    await node.delete();
    await net.delete();
  });

  test("behavior: re-applying the same spec is a no-op", async () => {
    // "manual-": the stand-in controller leaves it alone, so only seinet could write it.
    const name = unique("manual-same");
    const spec = { name, validators: 1, image: "sei:test", genesis: { "a.b": 1 } };
    await client.createNetwork(spec);
    const first = await rawGet("seinetworks", "default", name);
    await client.createNetwork(spec);
    const second = await rawGet("seinetworks", "default", name);
    assert.equal(second.metadata.generation, first.metadata.generation);
    assert.equal(second.metadata.resourceVersion, first.metadata.resourceVersion);
    await (await client.getNetwork(name)).delete();
  });

  test("error: changing an immutable field is refused by the server's CEL rule, quoted", async () => {
    const name = unique("immut");
    await client.createNetwork({ name, validators: 1, image: "sei:test" });
    const err = await client
      .createNetwork({ name, validators: 3, image: "sei:test" })
      .catch((e: unknown) => e);
    assert.ok(err instanceof UsageError, `expected UsageError, got ${String(err)}`);
    assert.match(err.message, /replicas/i);
    await (await client.getNetwork(name)).delete();
  });

  test("error: a network reaching Failed rejects waitReady promptly with the controller's reason", async () => {
    const name = unique("manual-fail");
    const net = await client.createNetwork({ name, validators: 1, image: "sei:test" });
    const started = Date.now();
    const waiting = net.waitReady({ signal: AbortSignal.timeout(60_000) }).catch((e: unknown) => e);
    await controller.writeStatus("seinetworks", "default", name, { phase: "Initializing" });
    await controller.writeStatus("seinetworks", "default", name, {
      phase: "Failed",
      conditions: [
        {
          type: "Ready",
          status: "False",
          reason: "GenesisCeremonyFailed",
          message: "gentx for validator 0 invalid",
          lastTransitionTime: new Date().toISOString(),
        },
      ],
    });
    const err = await waiting;
    assert.ok(isFailed(err), `expected FailedError, got ${String(err)}`);
    assert.ok(err instanceof FailedError);
    assert.equal(err.phase, "Failed");
    assert.match(err.reason ?? "", /GenesisCeremonyFailed: gentx for validator 0 invalid/);
    assert.ok(Date.now() - started < 20_000, "rejected well before the 60 s deadline");
    await net.delete();
  });

  test("behavior: a wait started before the resource exists keeps going until it appears", async () => {
    const name = unique("late");
    const early = await open("k8s", { kubeconfig: cluster.kubeconfigPath });
    const handleless = (async () => {
      for (let i = 0; i < 100; i++) {
        try {
          return await early.getNetwork(name);
        } catch (e) {
          if (!isNotFound(e)) throw e;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      throw new Error("never appeared");
    })();
    await client.createNetwork({ name, validators: 1, image: "sei:test" });
    const net = await handleless;
    await net.waitReady({ signal: AbortSignal.timeout(30_000) });
    assert.equal(net.phase, "Ready");
    await net.delete();
    await early.close();
  });

  test("behavior: a watch that the server closes mid-wait resumes from the last resourceVersion", async () => {
    const name = unique("manual-resume");
    const short = await open("k8s", { kubeconfig: cluster.kubeconfigPath, watchTimeoutSeconds: 1 });
    const net = await short.createNetwork({ name, validators: 1, image: "sei:test" });
    const waiting = net.waitReady({ signal: AbortSignal.timeout(60_000) });
    await new Promise((r) => setTimeout(r, 3_500));
    const double = await controller.double(name);
    await controller.writeStatus("seinetworks", "default", name, {
      phase: "Ready",
      endpoints: { tendermintRpc: double.url, tendermintRest: double.url },
    });
    await waiting;
    assert.equal(net.phase, "Ready");
    await net.delete();
    await short.close();
  });

  test("error: caller abort is CanceledError, caller deadline is TimeoutError naming the last phase", async () => {
    const name = unique("manual-slow");
    const net = await client.createNetwork({ name, validators: 1, image: "sei:test" });
    await controller.writeStatus("seinetworks", "default", name, { phase: "Initializing" });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 300);
    const canceled = await net.waitReady({ signal: ac.signal }).catch((e: unknown) => e);
    assert.ok(isCanceled(canceled), String(canceled));
    const timedOut = await net.waitReady({ signal: AbortSignal.timeout(500) }).catch((e: unknown) => e);
    assert.ok(isTimeout(timedOut), String(timedOut));
    assert.match((timedOut as Error).message, /Initializing/);
    await net.delete();
  });

  test("error: missing image is a UsageError before anything is written", async () => {
    const name = unique("noimg");
    await assert.rejects(
      client.createNetwork({ name, validators: 1 }),
      (e: unknown) => e instanceof UsageError && e.field === "image",
    );
    await assert.rejects(client.getNetwork(name), NotFoundError);
  });

  test("behavior: delete of a never-created name succeeds", async () => {
    const net = await client.createNetwork({ name: unique("gone"), validators: 1, image: "sei:test" });
    await net.delete();
    await net.delete();
  });
});

describe("k8s: followers", () => {
  test("default: node renders, waits Running, endpoints serve, labels win", async () => {
    const network = unique(`${REAL}fnet`);
    const net = await client.createNetwork({ name: network, validators: 1, image: "sei:test" });
    await net.waitReady({ signal: AbortSignal.timeout(REAL_READY_MS) });
    const node = await client.createNode({
      name: `${network}-rpc`,
      network,
      image: "sei:test",
      labels: { "sei.io/role": "validator", "sei.io/seinetwork": "other", team: "x" },
      config: { "evm.http_port": "8545" },
    });
    await node.waitReady({ signal: AbortSignal.timeout(REAL_READY_MS) });
    assert.equal(node.phase, "Running");
    assert.equal(node.network, network);
    for (const url of [node.evmRpc, node.evmWs, node.tendermintRpc, node.rest])
      assert.ok(url, "endpoint published");
    const status = await waitCaughtUp(node.tendermintRpc!, { timeout: 60_000 });
    assert.equal(status.network, network, "a real seid follower of this chain id answers");
    await waitEvmServing(node.evmRpc!, { timeout: 30_000 });
    await waitRestServing(node.rest!, { timeout: 30_000 });
    const stored = await rawGet("seinodes", "default", node.name);
    assert.equal(stored.metadata.labels["sei.io/role"], "node");
    assert.equal(stored.metadata.labels["sei.io/seinetwork"], network);
    assert.equal(stored.metadata.labels.team, "x");
    assert.deepEqual(stored.spec.fullNode, {});
    assert.deepEqual(stored.spec.peers, [
      { label: { selector: { "sei.io/seinetwork": network }, namespace: "default" } },
    ]);
    const forwarded = await node.forward();
    assert.equal(forwarded.evmRpc, node.evmRpc, "reachable endpoints pass through unchanged");
    await forwarded.close();
    await node.delete();
    await net.delete();
  });

  test("behavior: a follower in another namespace wires its selector to the network's namespace", async () => {
    await ensureNamespace(kc, "rpc-ns");
    const node = await client.createNode({
      name: unique("xns"),
      network: "genesis-net",
      namespace: "rpc-ns",
      networkNamespace: "default",
      image: "sei:test",
      stateSync: { rpcServers: ["rpc-a.default.svc:26657", "10.0.0.7:26657"] },
    });
    assert.equal(node.namespace, "rpc-ns");
    const stored = await rawGet("seinodes", "rpc-ns", node.name);
    assert.deepEqual(stored.spec.peers, [
      { label: { selector: { "sei.io/seinetwork": "genesis-net" }, namespace: "default" } },
    ]);
    assert.deepEqual(stored.spec.fullNode, {
      snapshot: { stateSync: {}, rpcServers: ["rpc-a.default.svc:26657", "10.0.0.7:26657"] },
    });
    await node.delete();
  });

  test("error: invalid followers are refused before anything is written", async () => {
    await assert.rejects(
      client.createNode({ name: "ss", network: "n", image: "i", stateSync: { rpcServers: ["a:1"] } }),
      UsageError,
    );
    await assert.rejects(client.getNode("ss"), NotFoundError);
  });
});

describe("k8s: tasks and workflows", () => {
  const chainId = "t-chain";
  const gov = { chainId, fees: "2000usei", gas: 200_000 };
  const cases = [
    {
      kind: "GovSoftwareUpgrade",
      payload: {
        govSoftwareUpgrade: {
          ...gov,
          title: "t",
          description: "d",
          initialDeposit: "10usei",
          upgradeName: "v7",
          upgradeHeight: 100,
          upgradeInfo: "{}",
        },
      },
      out: (o: Record<string, unknown>) => (o.govSoftwareUpgrade as { proposalId: number }).proposalId === 1,
    },
    {
      kind: "GovVote",
      payload: { govVote: { ...gov, proposalId: 1, option: "yes" } },
      out: (o: Record<string, unknown>) => typeof (o.govVote as { txHash: string }).txHash === "string",
    },
    {
      kind: "AwaitNodesAtHeight",
      payload: { awaitNodesAtHeight: { targetHeight: 50 } },
      out: (o: Record<string, unknown>) =>
        (o.awaitNodesAtHeight as { currentHeight: number }).currentHeight === 50,
    },
    {
      kind: "UpdateNodeImage",
      payload: { updateNodeImage: { image: "sei:v7" } },
      out: (o: Record<string, unknown>) =>
        (o.updateNodeImage as { appliedImage: string }).appliedImage === "sei:v7",
    },
  ] as const;
  for (const c of cases) {
    test(`default: ${c.kind} task renders, completes, returns typed outputs`, async () => {
      const name = unique(c.kind.toLowerCase());
      const task = await client.runTask({
        name,
        node: "rpc-0",
        kind: c.kind,
        timeout: 90_500,
        ...c.payload,
      } as never);
      const outputs = await task.wait({ signal: AbortSignal.timeout(30_000) });
      assert.ok(c.out(outputs as Record<string, unknown>), JSON.stringify(outputs));
      assert.equal(task.phase, "Complete");
      const stored = await rawGet("seinodetasks", "default", name);
      assert.equal(stored.spec.timeoutSeconds, 91);
      assertSubset(stored.spec.target, { nodeRef: { name: "rpc-0" } });
      assert.equal((await client.getTask(name)).kind, c.kind);
      await task.delete();
    });
  }

  test("error: a failed task rejects wait with the controller's error", async () => {
    const name = unique("manual-task");
    const task = await client.runTask({
      name,
      node: "rpc-0",
      kind: "AwaitNodesAtHeight",
      awaitNodesAtHeight: { targetHeight: 5 },
    });
    const waiting = task.wait({ signal: AbortSignal.timeout(30_000) }).catch((e: unknown) => e);
    await controller.writeStatus("seinodetasks", "default", name, {
      phase: "Failed",
      task: { id: "t1", status: "Failed", err: "node rpc-0 not found" },
    });
    const err = await waiting;
    assert.ok(err instanceof FailedError, String(err));
    assert.match(err.reason ?? "", /node rpc-0 not found/);
    await task.delete();
  });

  test("default: StateSync workflow with GigaStore migration completes", async () => {
    const name = unique("wf");
    const wf = await client.createWorkflow({
      name,
      node: "rpc-0",
      kind: "StateSync",
      stateSync: {
        rpcServers: ["a.b.svc:26657", "c.d.svc:26657"],
        migration: { kind: "GigaStore", gigaStore: { backend: "pebbledb" } },
      },
    });
    await wf.wait({ signal: AbortSignal.timeout(30_000) });
    assert.equal(wf.phase, "Complete");
    const stored = await rawGet("seinodetaskworkflows", "default", name);
    assertSubset(stored.spec, {
      kind: "StateSync",
      target: { nodeRef: { name: "rpc-0" } },
      stateSync: {
        rpcServers: ["a.b.svc:26657", "c.d.svc:26657"],
        migration: { kind: "GigaStore", gigaStore: { backend: "pebbledb" } },
      },
    });
    await wf.delete();
  });
});

describe("k8s: sessions", () => {
  /** What of a network and its session the API server still holds. */
  async function leftOf(name: string, session: string): Promise<string[]> {
    const network = await client.getNetwork(name).then(
      () => [`SeiNetwork ${name}`],
      (err: unknown) => (isNotFound(err) ? [] : [String(err)]),
    );
    const leases = (await client.remoteSessions())
      .filter((s) => s.id === session)
      .map((s) => `Lease of ${s.id}`);
    return [...network, ...leases];
  }

  test("behavior: kill -9 of a session's owner: its SeiNetwork and its Lease are gone within 10 s", async () => {
    const dir = await mkdtemp(join(tmpdir(), "seinet-k8s-reaper-"));
    const name = unique("reaped");
    const { child, made } = startHarness(["k8s", name, "sei:test"], {
      KUBECONFIG: cluster.kubeconfigPath,
      SEINET_SESSION_DIR: dir,
    });
    const { session } = await made;
    const lease = (await client.remoteSessions()).find((s) => s.id === session);
    assert.ok(lease && !lease.expired, "a live session holds a renewed Lease");
    assert.deepEqual(lease.entries, [{ kind: "network", name, namespace: "default" }]);
    assert.equal((await rawGet("seinetworks", "default", name)).metadata.labels[LABEL_SESSION], session);
    const ms = await killAndTime(
      child,
      async () => [...(await leftOf(name, session)), ...(await readdir(dir)).map((f) => `record ${f}`)],
      10_000,
    );
    process.stderr.write(`k8s reaper: nothing left ${(ms / 1000).toFixed(1)} s after kill -9\n`);
    assert.ok(ms <= 10_000, `took ${ms} ms`);
  });

  test("behavior: gc --mode k8s sweeps an expired Lease's network, whoever's machine made it; a live one stays", async () => {
    const coord = kc.makeApiClient(CoordinationV1Api);
    const lease = (id: string, renewed: V1MicroTime, entries: unknown[]) => ({
      metadata: {
        name: `seinet-session-${id}`,
        labels: { [LABEL_MANAGED_BY]: MANAGED_BY, [LABEL_SESSION]: id },
        annotations: { [ANNOTATION_SESSION_ENTRIES]: JSON.stringify(entries) },
      },
      spec: {
        holderIdentity: "ci-runner-7/4242",
        leaseDurationSeconds: 15,
        acquireTime: renewed,
        renewTime: renewed,
      },
    });
    const [gone, kept] = [unique("gone"), unique("kept")];
    const [deadId, liveId] = [`d${process.pid}a`, `l${process.pid}b`];
    for (const [name, id] of [
      [gone, deadId],
      [kept, liveId],
    ] as const) {
      await client.createNetwork({ name, validators: 1, image: "sei:test", labels: { [LABEL_SESSION]: id } });
    }
    // Another machine's sessions: one not renewed for a minute (its owner died with its watchdog), one live.
    const entry = (name: string) => [{ kind: "network", name, namespace: "default" }];
    await coord.createNamespacedLease({
      namespace: "default",
      body: lease(deadId, new V1MicroTime(Date.now() - 60_000), entry(gone)) as never,
    });
    await coord.createNamespacedLease({
      namespace: "default",
      body: lease(liveId, new V1MicroTime(), entry(kept)) as never,
    });
    const k8s = { kubeconfig: cluster.kubeconfigPath };
    const empty = await mkdtemp(join(tmpdir(), "seinet-k8s-gc-"));
    const dry = await collectGarbage({ modes: ["k8s"], k8s, dir: empty, dryRun: true });
    const swept = dry.swept.find((s) => s.id === deadId);
    assert.deepEqual(swept?.removed, entry(gone));
    assert.equal(swept?.holder, "ci-runner-7/4242");
    assert.ok(!dry.swept.some((s) => s.id === liveId), "a live Lease is never swept");
    await client.getNetwork(gone);

    const report = await collectGarbage({ modes: ["k8s"], k8s, dir: empty });
    assert.deepEqual(report.swept.find((s) => s.id === deadId)?.failed, []);
    assert.deepEqual(await leftOf(gone, deadId), []);
    assert.deepEqual(await leftOf(kept, liveId), [`SeiNetwork ${kept}`, `Lease of ${liveId}`]);
    await (await client.getNetwork(kept)).delete();
    await client.forgetSession(liveId);
  });
});

describe("k8s: RBAC and faults", () => {
  test("behavior: the shipped role is enough; without it the SDK fails clearly", async () => {
    const ns = "rbac-ok";
    await ensureNamespace(kc, ns);
    await ensureNamespace(kc, "rbac-none");
    const role = parse(await readFile(new URL("../../deploy/rbac.yaml", import.meta.url), "utf8"));
    const rbac = kc.makeApiClient(RbacAuthorizationV1Api);
    await rbac.createNamespacedRole({
      namespace: ns,
      body: { ...role, metadata: { ...role.metadata, namespace: ns } },
    });
    await rbac.createNamespacedRoleBinding({
      namespace: ns,
      body: {
        metadata: { name: "seinet-client", namespace: ns },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "seinet-client" },
        subjects: [{ kind: "ServiceAccount", name: "harness", namespace: ns }],
      },
    });
    // In a session: the Role also covers the session's Lease.
    const allowed = await open("k8s", {
      kubeconfig: await cluster.kubeconfigFor(ns, "harness"),
      session: true,
    });
    const name = unique("rbac");
    const net = await allowed.createNetwork({ name, validators: 1, image: "sei:test" });
    assert.equal(net.namespace, ns, "context namespace of the SA kubeconfig is the default");
    await net.waitReady({ signal: AbortSignal.timeout(30_000) });
    const task = await allowed.runTask({
      name: `${name}-h`,
      node: "n",
      kind: "AwaitNodesAtHeight",
      awaitNodesAtHeight: { targetHeight: 2 },
    });
    await task.wait({ signal: AbortSignal.timeout(30_000) });
    await task.delete();
    await net.delete();
    await allowed.close();

    const denied = await open("k8s", { kubeconfig: await cluster.kubeconfigFor("rbac-none", "harness") });
    const err = await denied
      .createNetwork({ name, validators: 1, image: "sei:test" })
      .catch((e: unknown) => e);
    assert.ok(err instanceof InfraError, String(err));
    assert.match(err.message, /Not allowed/);
    assert.match(err.message, /rbac/i);
    await denied.close();
  });

  test("error: an unreachable API server surfaces promptly as InfraError, not a hang", async () => {
    const { writeFile, mkdtemp, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { freePort } = await import("../kube/ports.js");
    const dir = await mkdtemp(join(tmpdir(), "seinet-dead-"));
    const path = join(dir, "kubeconfig");
    const port = await freePort();
    await writeFile(
      path,
      `apiVersion: v1\nkind: Config\nclusters: [{name: dead, cluster: {server: "https://127.0.0.1:${port}", insecure-skip-tls-verify: true}}]\nusers: [{name: u, user: {token: x}}]\ncontexts: [{name: c, context: {cluster: dead, user: u}}]\ncurrent-context: c\n`,
    );
    const dead = await open("k8s", { kubeconfig: path });
    const started = Date.now();
    const err = await dead
      .createNetwork({ name: "dead", validators: 1, image: "i" })
      .catch((e: unknown) => e);
    assert.ok(err instanceof InfraError, String(err));
    assert.match(err.message, /unreachable/);
    const getErr = await dead.getNetwork("x").catch((e: unknown) => e);
    assert.ok(getErr instanceof InfraError, String(getErr));
    assert.ok(Date.now() - started < 30_000, "failed fast");
    await dead.close();
    await rm(dir, { recursive: true, force: true });
  });

  test("error: a field-manager conflict is ConflictError when not forced (server semantics)", async () => {
    // The SDK always forces; prove the mapping with a second manager's non-forced apply.
    const name = unique("conflict");
    await client.createNetwork({ name, validators: 1, image: "sei:a" });
    const objects = kc.makeApiClient(CustomObjectsApi);
    const { setHeaderOptions, PatchStrategy } = await import("@kubernetes/client-node");
    const { mapApiError } = await import("../../src/providers/k8s/mapApiError.js");
    const raw = await objects
      .patchNamespacedCustomObject(
        {
          group: "sei.io",
          version: "v1alpha1",
          namespace: "default",
          plural: "seinetworks",
          name,
          fieldManager: "someone-else",
          body: {
            apiVersion: "sei.io/v1alpha1",
            kind: "SeiNetwork",
            metadata: { name },
            spec: { image: "sei:b", replicas: 1, genesis: { chainId: name } },
          },
        },
        setHeaderOptions("Content-Type", PatchStrategy.ServerSideApply),
      )
      .catch((e: unknown) => e);
    const mapped = mapApiError(raw, { action: "applying", noun: "network", name, namespace: "default" });
    assert.ok(mapped instanceof ConflictError, String(mapped));
    // and the SDK's forced apply takes the field back
    await client.createNetwork({ name, validators: 1, image: "sei:c" });
    assert.equal((await rawGet("seinetworks", "default", name)).spec.image, "sei:c");
    await (await client.getNetwork(name)).delete();
  });
});
