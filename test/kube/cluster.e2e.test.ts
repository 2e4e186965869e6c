// Starts a real kube-apiserver + etcd with the project's CRDs and checks the
// server enforces the real schema and RBAC.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  ApiException,
  ApiextensionsV1Api,
  CustomObjectsApi,
  KubeConfig,
  VersionApi,
} from "@kubernetes/client-node";
import { type TestCluster, startTestCluster } from "./cluster.js";

const GROUP = "sei.io";
const VERSION = "v1alpha1";
const CRDS = ["seinetworks.sei.io", "seinodes.sei.io", "seinodetasks.sei.io", "seinodetaskworkflows.sei.io"];

const PLURAL = { SeiNetwork: "seinetworks", SeiNode: "seinodes" } as const;

/** Creates one sei.io object in `default` exactly as given, through the plain CRUD API. */
function createCr(kc: KubeConfig, kind: keyof typeof PLURAL, name: string, spec: Record<string, unknown>) {
  return kc.makeApiClient(CustomObjectsApi).createNamespacedCustomObject({
    group: GROUP,
    version: VERSION,
    namespace: "default",
    plural: PLURAL[kind],
    body: { apiVersion: `${GROUP}/${VERSION}`, kind, metadata: { name }, spec },
  });
}

async function apiError(promise: Promise<unknown>): Promise<ApiException<unknown>> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ApiException) return err;
    throw err;
  }
  assert.fail("expected the API server to reject the request");
}

describe("test cluster (real kube-apiserver)", { timeout: 20 * 60_000 }, () => {
  let cluster: TestCluster;

  before(async () => {
    const t0 = Date.now();
    cluster = await startTestCluster({ log: (line) => console.log(line) });
    console.log(`kube test cluster started in ${Date.now() - t0} ms at ${cluster.server}`);
  });

  after(async () => {
    await cluster?.stop();
  });

  it("is a real kube-apiserver v1.34", async () => {
    const info = await cluster.kubeConfig().makeApiClient(VersionApi).getCode();
    assert.match(info.gitVersion, /^v1\.34\./);
  });

  it("has the four CRDs Established and serves seinetworks", async () => {
    const kc = cluster.kubeConfig();
    const ext = kc.makeApiClient(ApiextensionsV1Api);
    for (const name of CRDS) {
      const crd = await ext.readCustomResourceDefinition({ name });
      const cond = crd.status?.conditions?.find((c) => c.type === "Established");
      assert.equal(cond?.status, "True", `${name} Established`);
    }
    const list = (await kc.makeApiClient(CustomObjectsApi).listNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: "default",
      plural: "seinetworks",
    })) as { items: unknown[] };
    assert.deepEqual(list.items, []);
  });

  it("rejects a SeiNetwork without spec.image (schema enforced by the server)", async () => {
    const err = await apiError(
      createCr(cluster.kubeConfig(), "SeiNetwork", "no-image", { replicas: 1, genesis: { chainId: "t0" } }),
    );
    assert.equal(err.code, 422);
    assert.match(JSON.stringify(err.body), /spec\.image/);
  });

  it("applies the CRD's defaults and CEL rules (the schema is installed whole)", async () => {
    const defaulted = (await createCr(cluster.kubeConfig(), "SeiNetwork", "defaulted", {
      image: "sei:test",
      genesis: { chainId: "defaulted" },
    })) as { spec: { replicas: number } };
    assert.equal(defaulted.spec.replicas, 1, "spec.replicas defaults to 1");
    const err = await apiError(
      createCr(cluster.kubeConfig(), "SeiNode", "two-modes", {
        chainId: "c",
        image: "sei:test",
        fullNode: {},
        archive: {},
      }),
    );
    assert.equal(err.code, 422);
    assert.match(JSON.stringify(err.body), /fullNode|archive|exactly one/i);
  });

  it("accepts a valid SeiNetwork", async () => {
    const created = (await createCr(cluster.kubeConfig(), "SeiNetwork", "t1", {
      image: "sei:test",
      replicas: 1,
      genesis: { chainId: "t1" },
    })) as { metadata: { name: string; uid?: string }; spec: { replicas: number } };
    assert.equal(created.metadata.name, "t1");
    assert.ok(created.metadata.uid);
    assert.equal(created.spec.replicas, 1);
  });

  it("denies a service account without RBAC (403)", async () => {
    const path = await cluster.kubeconfigFor("rbac-test", "nobody");
    const kc = new KubeConfig();
    kc.loadFromFile(path);
    assert.equal(kc.getContextObject(kc.getCurrentContext())?.namespace, "rbac-test");
    const err = await apiError(
      kc.makeApiClient(CustomObjectsApi).listNamespacedCustomObject({
        group: GROUP,
        version: VERSION,
        namespace: "rbac-test",
        plural: "seinetworks",
      }),
    );
    assert.equal(err.code, 403);
    assert.match(JSON.stringify(err.body), /system:serviceaccount:rbac-test:nobody/);
  });
});

describe("test cluster startup failures", { timeout: 5 * 60_000 }, () => {
  it("rejects at once, with the apiserver's stderr, when the apiserver exits during startup", async () => {
    const t0 = Date.now();
    await assert.rejects(startTestCluster({ extraApiserverArgs: ["--no-such-flag"] }), (err: Error) => {
      assert.match(err.message, /kube-apiserver exited during startup \(exit code 1\)/);
      assert.match(err.message, /unknown flag: --no-such-flag/);
      return true;
    });
    assert.ok(Date.now() - t0 < 30_000, "did not wait for the readiness deadline");
  });
});
