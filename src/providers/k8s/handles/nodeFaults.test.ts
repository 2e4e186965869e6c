import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { UsageError } from "../../../errors/usage.js";
import type { K8sContext } from "../context.js";
import type { PodKiller } from "../podKiller.js";
import type { CustomResource } from "../resources.js";
import { K8sNode } from "./nodeHandle.js";

const cr = {
  apiVersion: "sei.io/v1alpha1",
  kind: "SeiNode",
  metadata: { name: "rpc", namespace: "ns" },
  spec: { chainId: "net" },
  status: { phase: "Running", statefulSet: { name: "rpc-sts" } },
} as unknown as CustomResource;

function node(pods?: Partial<PodKiller>) {
  const ctx = { api: {}, logs: {}, forwarder: {}, forwards: new Set(), pods } as unknown as K8sContext;
  return new K8sNode(ctx, "ns", "rpc", cr);
}

describe("k8s node faults", () => {
  test("default: kill deletes the node's pod, which its StatefulSet makes again", async () => {
    const killed: string[] = [];
    await node({ kill: async (ns, pod) => void killed.push(`${ns}/${pod}`) }).kill();
    assert.deepEqual(killed, ["ns/rpc-sts-0"]);
  });

  test("error: the verbs the mode cannot make real are UsageErrors saying so", async () => {
    const n = node({ kill: async () => assert.fail("no side effect") });
    for (const verb of ["pause", "unpause", "disconnect", "reconnect", "restart"] as const) {
      const err = await n[verb]().catch((e: unknown) => e);
      assert.ok(err instanceof UsageError, verb);
      assert.match(
        err.shortMessage,
        new RegExp(`^\`${verb}\` is not available in the k8s mode \\(node "rpc", namespace ns\\)`),
      );
    }
  });

  test("error: kill without a pod client is refused", async () => {
    await assert.rejects(node().kill(), UsageError);
  });
});
