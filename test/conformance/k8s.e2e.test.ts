// The conformance suite in k8s mode: a real kube-apiserver with the real CRDs,
// the test-only stand-in controller writing status, and real local seid chains
// (one validator, its sentry, one follower) serving the endpoints it publishes.
import assert from "node:assert/strict";
import { after, before } from "node:test";
import { open } from "../../src/index.js";
import { StandInController } from "../k8s/standInController.js";
import { type TestCluster, startTestCluster } from "../kube/cluster.js";
import { testSeid } from "../local/seid.js";
import { conformance } from "./suite.js";

let cluster: TestCluster;
let controller: StandInController;

before(async () => {
  await testSeid();
  cluster = await startTestCluster();
  controller = new StandInController(cluster.kubeConfig(), { chain: "seid" });
  await controller.start();
});

after(async () => {
  await controller?.stop();
  await cluster?.stop();
  assert.deepEqual(controller?.errors ?? [], [], "the stand-in controller met no errors");
});

conformance({
  mode: "k8s",
  open: () => open("k8s", { kubeconfig: cluster.kubeconfigPath }),
  networkExtras: { image: "sei:conformance" },
  nodeExtras: { image: "sei:conformance" },
  tasks: true,
  // The stand-in controller runs no pods: `kill` (delete the pod) is unit-tested only.
  refusedVerbs: ["pause", "unpause", "disconnect", "reconnect", "restart"],
  readyTimeoutMs: 120_000,
});
