// forward() and logs() against a real API server. There is no kubelet here, so
// the relay's far end cannot be reached: these tests prove how the SDK finds
// its target (Service → ready pod → container port, the pod per connection)
// and that every failure is a clear, prompt error.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { CoreV1Api, type KubeConfig } from "@kubernetes/client-node";
import { type Client, InfraError, NotFoundError, isNotFound, open } from "../../src/index.js";
import { type TestCluster, ensureNamespace, startTestCluster } from "../kube/cluster.js";
import { StandInController } from "./standInController.js";

const NS = "fwd";
let cluster: TestCluster;
let kc: KubeConfig;
let controller: StandInController;
let client: Client;

async function nodeWithEndpoint(name: string, url: string) {
  const node = await client.createNode({ name, network: "fwd-net", namespace: NS, image: "sei:test" });
  await controller.writeStatus("seinodes", NS, name, {
    phase: "Running",
    statefulSet: { name, uid: "00000000-0000-0000-0000-000000000001" },
    endpoint: { evmJsonRpc: url, tendermintRpc: url },
  });
  await node.refresh();
  return node;
}

/** POSTs through a relay, bounded at 20 s: "answered", or the error's name ("TimeoutError" if it hung). */
function postThrough(url: string): Promise<string> {
  return fetch(url, { method: "POST", body: "{}", signal: AbortSignal.timeout(20_000) }).then(
    () => "answered",
    (e: unknown) => (e as Error).name,
  );
}

before(async () => {
  cluster = await startTestCluster();
  kc = cluster.kubeConfig();
  controller = new StandInController(kc, { auto: false, chain: "double" });
  client = await open("k8s", { kubeconfig: cluster.kubeconfigPath, namespace: NS });
  await ensureNamespace(kc, NS);
  const core = kc.makeApiClient(CoreV1Api);
  await core.createNamespacedService({
    namespace: NS,
    body: {
      metadata: { name: "rpc" },
      spec: { selector: { app: "rpc" }, ports: [{ name: "evm", port: 80, targetPort: "evm" as never }] },
    },
  });
  await core.createNamespacedService({
    namespace: NS,
    body: { metadata: { name: "empty" }, spec: { selector: { app: "none" }, ports: [{ port: 80 }] } },
  });
  await core.createNamespacedPod({
    namespace: NS,
    body: {
      metadata: { name: "rpc-0", labels: { app: "rpc" } },
      spec: {
        containers: [{ name: "seid", image: "sei:test", ports: [{ name: "evm", containerPort: 8545 }] }],
      },
    },
  });
  // No kubelet runs: mark the pod Running and Ready the way a kubelet would.
  await core.patchNamespacedPodStatus(
    {
      namespace: NS,
      name: "rpc-0",
      body: { status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }] } },
    },
    (await import("@kubernetes/client-node")).setHeaderOptions(
      "Content-Type",
      "application/merge-patch+json",
    ),
  );
});

after(async () => {
  await client?.close();
  await controller?.stop();
  await cluster?.stop();
});

test("behavior: an in-cluster endpoint is relayed from 127.0.0.1 to the pod behind its Service", async () => {
  const node = await nodeWithEndpoint("fwd-a", "http://rpc.fwd.svc:80");
  const local = await node.forward();
  assert.match(local.evmRpc ?? "", /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.match(local.tendermintRpc ?? "", /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(local.rest, undefined, "an endpoint the node does not publish stays undefined");
  // Without a kubelet the far end refuses; the relay closes the connection
  // promptly instead of leaving the caller hanging.
  const outcome = await postThrough(local.evmRpc!);
  assert.notEqual(outcome, "TimeoutError", "the relay failed fast");
  await local.close();
  await local.close();
  await node.delete();
});

test("behavior: a Service with no ready pod yet forwards anyway; a connection made while none is ready is closed at once", async () => {
  const node = await nodeWithEndpoint("fwd-b", "http://empty.fwd.svc:80");
  const local = await node.forward();
  assert.match(local.evmRpc ?? "", /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(await postThrough(local.evmRpc!), "TypeError", "the connection is closed, not left hanging");
  await local.close();
  await node.delete();
});

test("error: a Service with no selector is a clear InfraError before any listener opens", async () => {
  await kc.makeApiClient(CoreV1Api).createNamespacedService({
    namespace: NS,
    body: { metadata: { name: "manual" }, spec: { ports: [{ port: 80 }] } },
  });
  const node = await nodeWithEndpoint("fwd-e", "http://manual.fwd.svc:80");
  const err = await node.forward().catch((e: unknown) => e);
  assert.ok(err instanceof InfraError, String(err));
  assert.match(err.message, /Service fwd\/manual has no selector/);
  await node.delete();
});

test("error: a missing Service is NotFoundError", async () => {
  const node = await nodeWithEndpoint("fwd-c", "http://nosuch.fwd.svc:80");
  const err = await node.forward().catch((e: unknown) => e);
  assert.ok(err instanceof NotFoundError, String(err));
  await node.delete();
});

test("error: logs of a node whose pod does not exist fail clearly", async () => {
  const node = await nodeWithEndpoint("fwd-d", "http://rpc.fwd.svc:80");
  const lines: string[] = [];
  const err = await (async () => {
    for await (const line of node.logs({ tail: 10, signal: AbortSignal.timeout(10_000) })) lines.push(line);
  })().catch((e: unknown) => e);
  assert.ok(isNotFound(err), `expected NotFoundError, got ${String(err)}`);
  assert.deepEqual(lines, []);
  await node.delete();
});

test("error: waitReady outside the cluster on an in-cluster endpoint says to forward()", async () => {
  const node = await nodeWithEndpoint("fwd-e", "http://rpc.fwd.svc:80");
  const err = await node.waitReady({ signal: AbortSignal.timeout(30_000) }).catch((e: unknown) => e);
  assert.ok(err instanceof InfraError, String(err));
  assert.match(err.message, /in-cluster address/);
  assert.match(err.message, /forward\(\)/);
  // Through the forward, the probe reaches the relay instead of failing on DNS.
  const local = await node.forward();
  assert.match(local.evmRpc ?? "", /^http:\/\/127\.0\.0\.1:/);
  await local.close();
  await node.delete();
});
