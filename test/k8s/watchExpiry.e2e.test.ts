// A watch whose resourceVersion has been compacted away (410 Gone) mid-wait:
// the SDK re-lists and keeps waiting instead of failing. The API server runs
// without its watch cache and compacts etcd every second, so a resumed watch
// hits the real "too old resource version" answer.
import assert from "node:assert/strict";
import { test } from "node:test";
import { CustomObjectsApi, PatchStrategy, setHeaderOptions } from "@kubernetes/client-node";
import createDebug from "debug";
import { open } from "../../src/index.js";
import { startTestCluster } from "../kube/cluster.js";
import { ChainDouble } from "./chainDouble.js";

test("behavior: a watch expired by compaction (410) re-lists and the wait still resolves", async () => {
  const lines: string[] = [];
  const previous = createDebug.log;
  createDebug.enable("seinet:k8s");
  createDebug.log = (...args: unknown[]) => {
    lines.push(args.map(String).join(" "));
  };
  const cluster = await startTestCluster({
    extraApiserverArgs: ["--watch-cache=false", "--etcd-compaction-interval=1s"],
  });
  const chain = new ChainDouble("expiry");
  const url = await chain.start();
  try {
    const kc = cluster.kubeConfig();
    const objects = kc.makeApiClient(CustomObjectsApi);
    const client = await open("k8s", { kubeconfig: cluster.kubeconfigPath, watchTimeoutSeconds: 1 });
    const net = await client.createNetwork({ name: "expiry", validators: 1, image: "sei:test" });
    await client.createNetwork({ name: "churn", validators: 1, image: "sei:test" });
    const waiting = net.waitReady({ signal: AbortSignal.timeout(60_000) }).catch((e: unknown) => e);
    // Churn another object so the global resourceVersion moves on and the
    // waiting watch's last version is compacted away before it resumes.
    const merge = setHeaderOptions("Content-Type", PatchStrategy.MergePatch);
    for (let i = 0; i < 40 && !lines.some((l) => l.includes("expired")); i++) {
      await objects.patchNamespacedCustomObjectStatus(
        {
          group: "sei.io",
          version: "v1alpha1",
          namespace: "default",
          plural: "seinetworks",
          name: "churn",
          body: { status: { phase: "Initializing", replicas: i } },
        },
        merge,
      );
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.ok(
      lines.some((l) => l.includes("expired") && l.includes("re-listing")),
      `the wait met a 410 and re-listed; debug lines:\n${lines.join("\n")}`,
    );
    await objects.patchNamespacedCustomObjectStatus(
      {
        group: "sei.io",
        version: "v1alpha1",
        namespace: "default",
        plural: "seinetworks",
        name: "expiry",
        body: { status: { phase: "Ready", endpoints: { tendermintRpc: url } } },
      },
      merge,
    );
    const outcome = await waiting;
    assert.equal(outcome, undefined, `waitReady resolved (got ${String(outcome)})`);
    assert.equal(net.phase, "Ready");
    await client.close();
  } finally {
    createDebug.log = previous;
    createDebug.disable();
    await chain.stop();
    await cluster.stop();
  }
});
