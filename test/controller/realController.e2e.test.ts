// The k8s mode against the real sei-k8s-controller (test/kube/controllerEnv.ts):
// kube-controller-manager, kube-scheduler and KWOK turn what the controller
// makes into pods bound to a fake node and reported Running; the pod runner
// runs each pod's seid-init and its seictl sidecar for real, behind a
// kube-rbac-proxy stand-in. The controller's plans therefore run to the end
// (identity, gentx, genesis through S3, peers, config, mark-ready), then the
// pod's seid starts on the pod's own loopback address and commits blocks.
// The network's endpoints are in-cluster names this machine cannot resolve.
import assert from "node:assert/strict";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import {
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  type V1OwnerReference,
} from "@kubernetes/client-node";
import { bech32 } from "@scure/base";
import { hexToBytes } from "viem";
import { testAccounts } from "../../src/chain/testAccounts.js";
import { type Client, FailedError, InfraError, type TestAccount, isNotFound, open } from "../../src/index.js";
import { fetchStatus } from "../../src/readiness/status.js";
import { ensureNamespace } from "../kube/cluster.js";
import { type ControllerEnv, KWOK_NODE, startControllerEnv } from "../kube/controllerEnv.js";
import { isApiStatus } from "../kube/resources.js";
import { waitFor } from "../kube/wait.js";
import { evmTransfer } from "../local/evm.js";

const NAMESPACE = "real-controller";
/** A key whose EVM address the spec funds in genesis (the controller's ceremony adds it), and a recipient. */
const FUNDED = testAccounts(1)[0] as TestAccount;
/**
 * The sei address the EVM side reads for an EVM address no one associated
 * yet (its "cast" address: the same 20 bytes). The controller's ceremony has
 * no association step, so the genesis funds this one; the first EVM
 * transaction associates the key and moves the balance.
 */
const FUNDED_CAST = bech32.encode("sei", bech32.toWords(hexToBytes(FUNDED.evmAddress)));
const RECIPIENT = "0x000000000000000000000000000000000000dEaD";
const IMAGE = "ghcr.io/sei-protocol/sei:v6.3.0";
/** What the controller + kube-controller-manager + scheduler + KWOK take for one validator: ~3 s on 2 cores. */
const OBJECTS_MS = 45_000;
/** The controller's genesis plans against the real sidecar: ~30 s on 2 cores. */
const PLANS_MS = 120_000;
/** The garbage collector and the controller's finalizers: ~2 s here. */
const GONE_MS = 30_000;

let env: ControllerEnv;
let kc: KubeConfig;
let client: Client;
let core: CoreV1Api;
let apps: AppsV1Api;
let custom: CustomObjectsApi;

// Sessions opened here keep their records in a scratch directory.
process.env.SEINET_SESSION_DIR = await mkdtemp(join(tmpdir(), "seinet-real-controller-sessions-"));

before(async () => {
  env = await startControllerEnv({ log: (l) => process.stderr.write(`[env] ${l}\n`) });
  kc = env.cluster.kubeConfig();
  core = kc.makeApiClient(CoreV1Api);
  apps = kc.makeApiClient(AppsV1Api);
  custom = kc.makeApiClient(CustomObjectsApi);
  await ensureNamespace(kc, NAMESPACE);
  client = await open("k8s", { kubeconfig: env.kubeconfigPath, namespace: NAMESPACE });
});

after(async () => {
  await client?.close();
  await env?.stop();
});

interface SeiNodeObj {
  metadata: { name: string; ownerReferences?: V1OwnerReference[]; finalizers?: string[] };
  status?: { phase?: string; plan?: { tasks?: { type: string; status: string; error?: string }[] } };
}

async function seiNodesOf(network: string): Promise<SeiNodeObj[]> {
  const list = (await custom.listNamespacedCustomObject({
    group: "sei.io",
    version: "v1alpha1",
    namespace: NAMESPACE,
    plural: "seinodes",
    labelSelector: `sei.io/nodedeployment=${network}`,
  })) as { items: SeiNodeObj[] };
  return list.items;
}

/** `proposal_id: 1`, the protobuf request both gov queries below take. */
const PROPOSAL_ID_1 = "0801";

/** A gRPC query through Tendermint's abci_query; the response's bytes as latin1 text. */
async function abciQuery(rpc: string, path: string, dataHex: string): Promise<string> {
  type Answer = { response?: { code?: number; log?: string; value?: string } };
  const res = await fetch(rpc, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "abci_query", params: { path, data: dataHex } }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await res.json()) as Answer & { result?: Answer };
  const response = (body.result ?? body).response;
  assert.ok(response, `${path}: ${JSON.stringify(body)}`);
  assert.equal(response.code ?? 0, 0, `${path}: ${response.log}`);
  return Buffer.from(response.value ?? "", "base64").toString("latin1");
}

const ownedBy = (refs: V1OwnerReference[] | undefined, kind: string, name: string) =>
  (refs ?? []).some((r) => r.kind === kind && r.name === name && r.controller === true);

/** Polls until `probe` returns a value (undefined = not yet), bounded by `timeoutMs`. */
function until<T extends {}>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  return waitFor<T>(
    async () => {
      const value = await probe();
      return value === undefined ? { done: false } : { done: true, value };
    },
    { what, timeoutMs, intervalMs: 250, fatal: () => deadChild() },
  );
}

function deadChild(): Error | undefined {
  const dead = env.processes.find((p) => p.exit() !== undefined);
  return dead ? new Error(`${dead.name} exited:\n${dead.tail(30)}`) : undefined;
}

const notFound = async (read: () => Promise<unknown>): Promise<boolean> => {
  try {
    await read();
    return false;
  } catch (err) {
    if (isApiStatus(err, 404)) return true;
    throw err;
  }
};

/** Names of what the controller makes for a SeiNode `<node>` (per this controller version). */
const made = (node: string) => ({
  statefulSet: node,
  pod: `${node}-0`,
  service: node,
  pvc: `data-${node}`,
  configMap: `${node}-rbac-proxy-config`,
});

/** The object, or undefined while it does not exist (other errors propagate). */
async function present<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (err) {
    if (isApiStatus(err, 404)) return undefined;
    throw err;
  }
}

/** Waits for the objects of one validator and returns its SeiNode's name. */
async function waitForValidator(network: string): Promise<string> {
  // The controller adds its finalizer in a second write, just after creating the SeiNode.
  const node = await until(`a finalized SeiNode of network ${network}`, OBJECTS_MS, async () =>
    (await seiNodesOf(network)).find((n) => n.metadata.finalizers?.includes("sei.io/seinode-finalizer")),
  );
  assert.equal((await seiNodesOf(network)).length, 1, "one validator, one SeiNode");
  const name = node.metadata.name;
  assert.equal(name, `${network}-0`);
  assert.ok(ownedBy(node.metadata.ownerReferences, "SeiNetwork", network), "the SeiNode is the network's");
  const m = made(name);

  const sts = await until(`StatefulSet ${m.statefulSet}`, OBJECTS_MS, () =>
    present(() => apps.readNamespacedStatefulSet({ namespace: NAMESPACE, name: m.statefulSet })),
  );
  assert.ok(ownedBy(sts.metadata?.ownerReferences, "SeiNode", name));
  assert.equal(sts.spec?.replicas, 1);
  const svc = await until(`Service ${m.service}`, OBJECTS_MS, () =>
    present(() => core.readNamespacedService({ namespace: NAMESPACE, name: m.service })),
  );
  assert.ok(ownedBy(svc.metadata?.ownerReferences, "SeiNode", name));
  const internal = await until(`Service ${network}-internal`, OBJECTS_MS, () =>
    present(() => core.readNamespacedService({ namespace: NAMESPACE, name: `${network}-internal` })),
  );
  assert.ok(ownedBy(internal.metadata?.ownerReferences, "SeiNetwork", network));
  const cm = await until(`ConfigMap ${m.configMap}`, OBJECTS_MS, () =>
    present(() => core.readNamespacedConfigMap({ namespace: NAMESPACE, name: m.configMap })),
  );
  assert.ok(ownedBy(cm.metadata?.ownerReferences, "SeiNode", name));

  // The PVC binds through kube-controller-manager's hostPath provisioner.
  const pvc = await until(`PVC ${m.pvc} Bound`, OBJECTS_MS, async () => {
    const p = await present(() =>
      core.readNamespacedPersistentVolumeClaim({ namespace: NAMESPACE, name: m.pvc }),
    );
    return p?.status?.phase === "Bound" ? p : undefined;
  });
  assert.ok(ownedBy(pvc.metadata?.ownerReferences, "SeiNode", name));

  // kube-controller-manager makes the pod, kube-scheduler binds it, KWOK runs it.
  const pod = await until(`pod ${m.pod} Running on ${KWOK_NODE}`, OBJECTS_MS, async () => {
    const p = await present(() => core.readNamespacedPod({ namespace: NAMESPACE, name: m.pod }));
    return p?.status?.phase === "Running" ? p : undefined;
  });
  assert.equal(pod.spec?.nodeName, KWOK_NODE);
  assert.ok(ownedBy(pod.metadata?.ownerReferences, "StatefulSet", m.statefulSet));
  await until(`StatefulSet ${m.statefulSet} readyReplicas 1`, OBJECTS_MS, async () => {
    const s = await apps.readNamespacedStatefulSet({ namespace: NAMESPACE, name: m.statefulSet });
    return s.status?.readyReplicas === 1 ? true : undefined;
  });
  return name;
}

/** Waits until every object a validator had is gone (the PVC's volume too). */
async function waitGone(network: string, node: string, volume: string | undefined): Promise<void> {
  const m = made(node);
  const reads: [string, () => Promise<unknown>][] = [
    [
      `SeiNode ${node}`,
      () =>
        custom.getNamespacedCustomObject({
          group: "sei.io",
          version: "v1alpha1",
          namespace: NAMESPACE,
          plural: "seinodes",
          name: node,
        }),
    ],
    [
      `StatefulSet ${m.statefulSet}`,
      () => apps.readNamespacedStatefulSet({ namespace: NAMESPACE, name: m.statefulSet }),
    ],
    [`pod ${m.pod}`, () => core.readNamespacedPod({ namespace: NAMESPACE, name: m.pod })],
    [`Service ${m.service}`, () => core.readNamespacedService({ namespace: NAMESPACE, name: m.service })],
    [
      `Service ${network}-internal`,
      () => core.readNamespacedService({ namespace: NAMESPACE, name: `${network}-internal` }),
    ],
    [
      `ConfigMap ${m.configMap}`,
      () => core.readNamespacedConfigMap({ namespace: NAMESPACE, name: m.configMap }),
    ],
    [`PVC ${m.pvc}`, () => core.readNamespacedPersistentVolumeClaim({ namespace: NAMESPACE, name: m.pvc })],
  ];
  if (volume) reads.push([`PV ${volume}`, () => core.readPersistentVolume({ name: volume })]);
  for (const [what, read] of reads) {
    await until(`${what} to be deleted`, GONE_MS, async () => ((await notFound(read)) ? true : undefined));
  }
}

/** True once getNetwork says NotFound (any other error propagates). */
const networkGone = (name: string): Promise<boolean> =>
  client.getNetwork(name).then(
    () => false,
    (err: unknown) => {
      if (isNotFound(err)) return true;
      throw err;
    },
  );

const volumeOf = async (node: string) =>
  (await core.readNamespacedPersistentVolumeClaim({ namespace: NAMESPACE, name: made(node).pvc })).spec
    ?.volumeName;

describe("k8s mode against the real sei-k8s-controller", () => {
  test("default (seinet's deletionPolicy Delete): plans run against real sidecars; seid commits blocks in the pod; forward() + waitReady; a follower carries a viem transfer, UpdateNodeImage rolls it, then its seid crash-loops and waitReady is a FailedError with the kubelet's reason; delete() removes everything", async () => {
    const name = "cascade";
    const net = await client.createNetwork({
      name,
      validators: 1,
      image: IMAGE,
      accounts: [{ address: FUNDED_CAST, balance: "1000000000000000000000usei" }],
    });
    const node = await waitForValidator(name);

    // The controller's own phase, read through seinet.
    const phase = await until(`network ${name} to have a phase`, OBJECTS_MS, async () => {
      await net.refresh();
      return net.phase;
    });
    assert.equal(phase, "Initializing");
    // Unlike the stand-in (endpoints only once Ready), the controller
    // publishes the in-cluster endpoints while the network initializes.
    const rpc = `http://${name}-internal.${NAMESPACE}.svc:26657`;
    await until(`network ${name} to publish its endpoints`, OBJECTS_MS, async () => {
      await net.refresh();
      return net.tendermintRpc;
    });
    assert.equal(net.tendermintRpc, rpc);
    assert.equal(net.rest, `http://${name}-internal.${NAMESPACE}.svc:1317`);

    // Every task of the SeiNode's plan ran in the real seictl sidecar, called
    // by the controller through the kube-rbac-proxy stand-in.
    const started = performance.now();
    const plan = await until(`SeiNode ${node}'s plan to complete`, PLANS_MS, async () => {
      const [seiNode] = await seiNodesOf(name);
      const tasks = seiNode?.status?.plan?.tasks ?? [];
      const failed = tasks.find((t) => t.status === "Failed");
      if (failed) assert.fail(`task ${failed.type} failed: ${failed.error}`);
      return tasks.length > 0 && tasks.every((t) => t.status === "Complete") ? tasks : undefined;
    });
    for (const task of [
      "generate-identity",
      "generate-gentx",
      "upload-genesis-artifacts",
      "config-apply",
      "mark-ready",
    ]) {
      assert.ok(
        plan.some((t) => t.type === task),
        `${task} in ${plan.map((t) => t.type)}`,
      );
    }
    await until(`network ${name} Ready by the controller`, PLANS_MS, async () => {
      await net.refresh();
      return net.phase === "Ready" ? true : undefined;
    });
    process.stderr.write(
      `real controller: genesis plans complete in ${Math.round(performance.now() - started)} ms\n`,
    );
    assert.equal((await client.getNode(node)).phase, "Running", "the SeiNode's plan finished");
    // The genesis the sidecar assembled: this chain, with the validator's gentx.
    const pod = env.pods.pods().find((p) => p.name === made(node).pod);
    assert.ok(pod, "the pod runner runs the validator's pod");
    const genesis = JSON.parse(await readFile(join(pod.root, ".sei", "config", "genesis.json"), "utf8")) as {
      chain_id: string;
      app_state: { genutil?: { gen_txs?: unknown[] } };
    };
    assert.equal(genesis.chain_id, name);
    assert.equal(genesis.app_state.genutil?.gen_txs?.length, 1, "one validator, one gentx");

    // Once the sidecar said ready, the pod's seid started (on the pod's own
    // loopback address) from the genesis the ceremony made, and commits blocks.
    await until(`the validator's seid at ${pod.address.ip} to commit a block`, OBJECTS_MS, async () => {
      const status = await fetchStatus(`http://${pod.address.ip}:26657`).catch(() => undefined);
      return status && status.latestHeight >= 1 ? true : undefined;
    });

    // From this machine the controller's in-cluster endpoints are a typed
    // InfraError until forward(); through the API server and KWOK's kubelet
    // port-forward, waitReady then resolves against the pod's seid.
    await net.refresh();
    const unreachable = await net.waitReady({ signal: AbortSignal.timeout(10_000) }).then(
      () => assert.fail("waitReady resolved on an address this machine cannot reach"),
      (e: unknown) => e,
    );
    assert.ok(unreachable instanceof InfraError, `InfraError, got ${String(unreachable)}`);
    assert.match(
      unreachable.message,
      /cascade-internal\.real-controller\.svc:26657 is an in-cluster address/,
    );
    const forwarded = await net.forward({ signal: AbortSignal.timeout(30_000) });
    assert.match(forwarded.tendermintRpc ?? "", /^http:\/\/127\.0\.0\.1:\d+$/);
    await net.waitReady({ signal: AbortSignal.timeout(60_000) });
    const first = (await fetchStatus(forwarded.tendermintRpc as string)).latestHeight;
    assert.ok(first >= 1, `height ${first} through the forward`);

    // A follower: its own SeiNode, plan and pod; its EVM RPC, forwarded,
    // carries a viem transfer from the account the spec funded in genesis.
    const followerStarted = performance.now();
    const rpcNode = await client.createNode({ name: `${name}-rpc`, network: name, image: IMAGE });
    await until(`follower ${name}-rpc Running`, PLANS_MS, async () => {
      await rpcNode.refresh();
      if (rpcNode.phase === "Failed") assert.fail(`follower Failed: ${JSON.stringify(rpcNode.object())}`);
      return rpcNode.phase === "Running" ? true : undefined;
    });
    const rpcEndpoints = await rpcNode.forward({ signal: AbortSignal.timeout(30_000) });
    await rpcNode.waitReady({ signal: AbortSignal.timeout(120_000) });
    process.stderr.write(
      `real controller: follower createNode → serving EVM in ${Math.round(performance.now() - followerStarted)} ms\n`,
    );
    const { blockNumber } = await evmTransfer(rpcEndpoints.evmRpc as string, FUNDED, RECIPIENT);
    assert.ok(blockNumber > 0n);
    // UpdateNodeImage: the controller rolls the follower's StatefulSet onto
    // the image, and the pod runner runs the new pod (with the same seid:
    // any image is the local one). It serves again through the same forward.
    const image = "ghcr.io/sei-protocol/sei:v6.3.1";
    const before = env.pods.pods().find((p) => p.name === `${name}-rpc-0`)?.uid;
    const swap = await client.runTask({
      name: `${name}-swap`,
      node: `${name}-rpc`,
      kind: "UpdateNodeImage",
      updateNodeImage: { image },
    });
    assert.deepEqual(await swap.wait({ signal: AbortSignal.timeout(PLANS_MS) }), {
      updateNodeImage: { appliedImage: image },
    });
    const swapped = await core.readNamespacedPod({ namespace: NAMESPACE, name: `${name}-rpc-0` });
    assert.notEqual(swapped.metadata?.uid, before, "a new pod");
    assert.equal(swapped.spec?.containers.find((c) => c.name === "seid")?.image, image);
    await rpcNode.waitReady({ signal: AbortSignal.timeout(PLANS_MS) });

    // seid's log, through the API server and the node's (KWOK's) log endpoint.
    const lines: string[] = [];
    for await (const line of rpcNode.logs({ tail: 50, signal: AbortSignal.timeout(10_000) }))
      lines.push(line);
    assert.ok(lines.length > 0, "seid's log through the API server");
    assert.ok(!lines.some((l) => /^\S+ std(out|err) F /.test(l)), "the runtime's log prefix is stripped");

    // seid dies for good in the follower's pod: its genesis no longer parses,
    // and its seid is stopped. The kubelet (the pod runner) starts it again,
    // it dies again, and the pod reports CrashLoopBackOff. The controller
    // does not read container statuses, so its phase stays Running; waitReady
    // fails at once anyway, with the kubelet's reason and seid's last lines.
    const rpcPod = env.pods.pods().find((p) => p.name === `${name}-rpc-0`);
    assert.ok(rpcPod?.seid, "the pod runner runs the follower's seid");
    await writeFile(join(rpcPod.root, ".sei", "config", "genesis.json"), "{ not a genesis");
    await rpcPod.seid.process()?.stop(5_000);
    const died = performance.now();
    const failure = await rpcNode.waitReady({ signal: AbortSignal.timeout(PLANS_MS) }).then(
      () => assert.fail("waitReady resolved on a node whose seid crash-loops"),
      (e: unknown) => e,
    );
    process.stderr.write(
      `real controller: seid crash-looping → FailedError in ${Math.round(performance.now() - died)} ms\n`,
    );
    assert.ok(failure instanceof FailedError, `FailedError, got ${String(failure)}`);
    assert.equal(failure.resource, `node/${name}-rpc`);
    assert.equal(failure.phase, "Running", "the controller's phase stays Running");
    assert.match(
      failure.reason ?? "",
      new RegExp(`^pod ${name}-rpc-0: container seid: CrashLoopBackOff; back-off 10s`),
    );
    // seid v6.6.2 meets an unreadable genesis with a nil-pointer panic (exit 2).
    assert.match(failure.reason ?? "", /last exit code 2 \(Error\); 2 restarts/);
    assert.equal(failure.exitCode, 2);
    assert.match(failure.logTail ?? "", /panic: runtime error/, "seid's own words, from the run that died");
    await rpcNode.delete();

    const volume = await volumeOf(node);
    assert.ok(volume, "the PVC is bound to a volume");
    await net.delete();
    await until(`SeiNetwork ${name} to be deleted`, GONE_MS, async () =>
      (await networkGone(name)) ? true : undefined,
    );
    // The garbage collector removes the SeiNode (and through it the
    // StatefulSet, pod, Services, ConfigMap); the SeiNode's finalizer deletes
    // its PVC; the storage class's Delete reclaim policy removes the volume.
    await waitGone(name, node, volume);
    await until(`the pod runner to stop ${made(node).pod}'s sidecar`, GONE_MS, async () =>
      env.pods.pods().some((p) => p.name === made(node).pod) ? undefined : true,
    );
  });

  test("default: a 4-validator network's ceremony runs through the real controller; forward() + waitReady resolve on a chain all four sign; GovSoftwareUpgrade, GovVote and AwaitNodesAtHeight complete through it", async () => {
    const name = "four";
    const started = performance.now();
    // The controller's validator config turns tx indexing off, and the
    // sidecar's gov tasks prove a tx's inclusion through the index: the
    // override (applied by the sidecar's config-apply) turns it back on.
    const net = await client.createNetwork({
      name,
      validators: 4,
      image: IMAGE,
      config: { "tx_index.indexer": "kv" },
    });
    // The controller publishes the endpoints while the network initializes:
    // forward() opens at once, before any pod is ready (each connection picks
    // a ready pod, and is closed while there is none), and waitReady retries
    // through it until seid answers.
    await until(`network ${name} to publish its endpoints`, OBJECTS_MS, async () => {
      await net.refresh();
      return net.tendermintRpc;
    });
    const forwarded = await net.forward({ signal: AbortSignal.timeout(30_000) });
    await net.waitReady({ signal: AbortSignal.timeout(PLANS_MS) });
    process.stderr.write(
      `real controller: 4 validators, createNetwork → waitReady in ${Math.round(performance.now() - started)} ms\n`,
    );
    assert.equal(net.phase, "Ready");
    assert.equal((await seiNodesOf(name)).length, 4);
    const status = await fetchStatus(forwarded.tendermintRpc as string);
    assert.ok(status.latestHeight >= 1);
    // Every validator's seid runs in its pod and reaches the same chain.
    const pods = env.pods.pods().filter((p) => p.name.startsWith(`${name}-`));
    assert.equal(pods.length, 4);
    await until("all four validators past height 2", OBJECTS_MS, async () => {
      const heights = await Promise.all(
        pods.map((p) =>
          fetchStatus(`http://${p.address.ip}:26657`).then(
            (s) => s.latestHeight,
            () => 0,
          ),
        ),
      );
      return heights.every((h) => h > 2) ? heights : undefined;
    });

    // The served controller's sidecar tasks, each through it and the target's
    // real sidecar (which signs with the key the ceremony left in the
    // validator's keyring, and reaches its seid at the pod's localhost). The
    // vote does not pass: the controller's genesis keeps seid's default voting
    // period, so no upgrade follows. (UpdateNodeImage: the first test, on a
    // follower; on a validator the SeiNetwork controller resets the image.)
    const gov = { chainId: net.chainId, fees: "20000usei", gas: 200_000 };
    const taskDone = () => ({ signal: AbortSignal.timeout(PLANS_MS) });
    const height = (await fetchStatus(forwarded.tendermintRpc as string)).latestHeight;
    const propose = await client.runTask({
      name: "four-propose",
      node: `${name}-0`,
      kind: "GovSoftwareUpgrade",
      govSoftwareUpgrade: {
        ...gov,
        title: "v6.6",
        description: "an upgrade proposed through the real controller",
        initialDeposit: "10000000usei",
        upgradeName: "v6.6",
        upgradeHeight: height + 10_000,
      },
    });
    // This controller publishes no outputs for the sidecar's tasks (its
    // populateOutputs fills UpdateNodeImage's only): the proposal is read
    // from the chain, where it is the new chain's first.
    assert.deepEqual(await propose.wait(taskDone()), {});
    const rpc = forwarded.tendermintRpc as string;
    const proposal = await abciQuery(rpc, "/cosmos.gov.v1beta1.Query/Proposal", PROPOSAL_ID_1);
    assert.ok(proposal.includes("an upgrade proposed through the real controller"), "proposal 1 is ours");
    for (const voter of [0, 1, 2, 3]) {
      const vote = await client.runTask({
        name: `four-vote-${voter}`,
        node: `${name}-${voter}`,
        kind: "GovVote",
        govVote: { ...gov, proposalId: 1, option: "yes" },
      });
      assert.deepEqual(await vote.wait(taskDone()), {});
    }
    // Four votes on the chain, one per validator's operator key.
    const votes = await abciQuery(rpc, "/cosmos.gov.v1beta1.Query/Votes", PROPOSAL_ID_1);
    assert.equal(new Set(votes.match(/sei1[02-9ac-hj-np-z]{38}/g)).size, 4, "four voters");
    const target = (await fetchStatus(forwarded.tendermintRpc as string)).latestHeight + 3;
    const atHeight = await client.runTask({
      name: "four-at-height",
      node: `${name}-1`,
      kind: "AwaitNodesAtHeight",
      awaitNodesAtHeight: { targetHeight: target },
    });
    assert.deepEqual(await atHeight.wait(taskDone()), {});
    const one = pods.find((p) => p.name === `${name}-1-0`);
    assert.ok(one);
    const reached = (await fetchStatus(`http://${one.address.ip}:26657`)).latestHeight;
    assert.ok(reached >= target, `${name}-1 at ${reached} once the task completed (target ${target})`);
    await net.delete();
    await until(`SeiNetwork ${name} to be deleted`, GONE_MS, async () =>
      (await networkGone(name)) ? true : undefined,
    );
    await until("the pod runner to stop the four pods", GONE_MS, async () =>
      env.pods.pods().some((p) => p.name.startsWith(`${name}-`)) ? undefined : true,
    );
  });

  test("deletionPolicy Retain: delete() orphans the SeiNode and everything it owns", async () => {
    const name = "retained";
    const net = await client.createNetwork({ name, validators: 1, image: IMAGE, deletionPolicy: "Retain" });
    const node = await waitForValidator(name);
    await net.delete();
    await until(`SeiNetwork ${name} to be deleted`, GONE_MS, async () =>
      (await networkGone(name)) ? true : undefined,
    );
    // Retain (the CRD's own default, asked for here): the controller strips
    // its owner references from the SeiNodes and the internal Service, so
    // the validator's pod, StatefulSet and PVC outlive the network.
    const [orphan] = await seiNodesOf(name);
    assert.ok(orphan, "the SeiNode outlives its network");
    assert.equal(orphan.metadata.name, node);
    assert.ok(!ownedBy(orphan.metadata.ownerReferences, "SeiNetwork", name));
    const internal = await core.readNamespacedService({ namespace: NAMESPACE, name: `${name}-internal` });
    assert.ok(!ownedBy(internal.metadata?.ownerReferences, "SeiNetwork", name));
    const m = made(node);
    const pod = await core.readNamespacedPod({ namespace: NAMESPACE, name: m.pod });
    assert.equal(pod.status?.phase, "Running");
    await core.readNamespacedPersistentVolumeClaim({ namespace: NAMESPACE, name: m.pvc });

    // Cleaning up by hand: deleting the SeiNode takes what it owns with it.
    const volume = await volumeOf(node);
    await custom.deleteNamespacedCustomObject({
      group: "sei.io",
      version: "v1alpha1",
      namespace: NAMESPACE,
      plural: "seinodes",
      name: node,
    });
    await core.deleteNamespacedService({ namespace: NAMESPACE, name: `${name}-internal` });
    await waitGone(name, node, volume);
  });
});
