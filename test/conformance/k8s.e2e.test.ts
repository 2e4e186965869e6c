// The conformance suite in k8s mode: a real kube-apiserver with the real CRDs,
// the test-only stand-in controller writing status, its HTTP double serving
// the published endpoints.
import { after, before } from "node:test";
import { open } from "../../src/index.js";
import { StandInController } from "../k8s/standInController.js";
import { type TestCluster, startTestCluster } from "../kube/cluster.js";
import { conformance } from "./suite.js";

let cluster: TestCluster;
let controller: StandInController;

before(async () => {
  cluster = await startTestCluster();
  controller = new StandInController(cluster.kubeConfig());
  await controller.start();
});

after(async () => {
  await controller?.stop();
  await cluster?.stop();
});

conformance({
  mode: "k8s",
  open: () => open("k8s", { kubeconfig: cluster.kubeconfigPath }),
  networkExtras: { image: "sei:conformance" },
  nodeExtras: { image: "sei:conformance" },
  readyTimeoutMs: 60_000,
});
