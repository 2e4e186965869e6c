// A wait in progress when the API server goes away ends promptly with an
// InfraError instead of hanging until the caller's deadline.
import assert from "node:assert/strict";
import { test } from "node:test";
import { InfraError, open } from "../../src/index.js";
import { startTestCluster } from "../kube/cluster.js";

test("error: API server stopped mid-wait → InfraError well before the deadline", async () => {
  const cluster = await startTestCluster();
  try {
    const client = await open("k8s", { kubeconfig: cluster.kubeconfigPath });
    const net = await client.createNetwork({ name: "down", validators: 1, image: "sei:test" });
    const waiting = net.waitReady({ signal: AbortSignal.timeout(120_000) }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 500));
    const stopped = Date.now();
    await cluster.stop();
    const err = await waiting;
    const took = Date.now() - stopped;
    assert.ok(err instanceof InfraError, `expected InfraError, got ${String(err)}`);
    assert.match(err.message, /unreachable|API server/);
    assert.ok(took < 60_000, `surfaced after ${took} ms, long before the 120 s deadline`);
    console.log(`API server down surfaced as InfraError after ${took} ms`);
    await client.close();
  } finally {
    await cluster.stop();
  }
});
