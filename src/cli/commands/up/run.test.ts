import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Client } from "../../../client/client.js";
import type { Network, Node } from "../../../client/handles.js";
import type { DeleteOptions, OpOptions } from "../../../client/options.js";
import type { Provider } from "../../../client/provider.js";
import { FailedError } from "../../../errors/failed.js";
import { abortError } from "../../../internal/abort.js";
import { fakeEndpoint, statusBody } from "../../../readiness/fakeEndpoint.fixture.js";
import type { UpPlan } from "./plan.js";
import { runUp } from "./run.js";

const ACCOUNT = {
  privateKey: `0x${"11".repeat(32)}`,
  evmAddress: `0x${"22".repeat(20)}`,
  seiAddress: "sei1test",
} as const;

/** What a fake step does: resolve, reject, or wait for the signal. */
type Step = "ok" | "fail" | "hang";

function settle(step: Step, signal: AbortSignal | undefined, what: string): Promise<void> {
  if (step === "ok") return Promise.resolve();
  if (step === "fail") {
    return Promise.reject(
      new FailedError(`${what} failed`, { resource: what, phase: "Failed", exitCode: 1 }),
    );
  }
  return new Promise((_, reject) => {
    const stop = () => reject(abortError(signal as AbortSignal, what));
    if (signal?.aborted) stop();
    signal?.addEventListener("abort", stop, { once: true });
  });
}

/** A provider whose network and followers behave as scripted; endpoints point at `base`. */
function fakeClient(script: { network: Step; follower: Step }, base: string) {
  const deletes: DeleteOptions[] = [];
  const nodes: Node[] = [];
  const node = (name: string, role: string): Node =>
    ({
      name,
      namespace: "default",
      network: "devnet",
      phase: "Running",
      tendermintRpc: base,
      evmRpc: base,
      evmWs: "ws://127.0.0.1:1",
      rest: base,
      role,
      object: () => ({ role, networkNamespace: "default", seid: { version: "v6.6.2" }, proc: { pid: 42 } }),
      waitReady: (o: OpOptions = {}) => settle(role === "follower" ? script.follower : "ok", o.signal, name),
    }) as unknown as Node;
  const net = {
    name: "devnet",
    namespace: "default",
    chainId: "devnet",
    phase: "Ready",
    tendermintRpc: base,
    rest: base,
    testAccount: ACCOUNT,
    object: () => ({
      validators: ["devnet-0"],
      seid: { version: "v6.6.2" },
      createdAt: "2026-01-01T00:00:00Z",
    }),
    refresh: async () => {},
    waitReady: (o: OpOptions = {}) => settle(script.network, o.signal, "network"),
    delete: async (o: DeleteOptions = {}) => {
      deletes.push(o);
    },
  } as unknown as Network;
  const provider = {
    mode: "fake",
    createNetwork: async () => {
      nodes.push(node("devnet-0", "validator"), node("devnet-sentry", "sentry"));
      return net;
    },
    createNode: async (spec: { name: string }) => {
      const made = node(spec.name, "follower");
      nodes.push(made);
      return made;
    },
    listNodes: async () => nodes,
    close: async () => {},
  } as unknown as Provider;
  return { client: new Client(provider), deletes };
}

const PLAN: UpPlan = {
  name: "devnet",
  spec: {},
  namespace: undefined,
  validators: 1,
  followers: [{ name: "devnet-rpc-0", network: "devnet" }],
  timeoutMs: 10_000,
  mode: "local",
  binary: undefined,
  image: undefined,
  keepOnFailure: false,
  fresh: false,
  from: undefined,
  showKey: false,
  timings: false,
};

describe("runUp", () => {
  test("default: waits for the network, then each follower caught up and serving EVM", async (t) => {
    const chain = await fakeEndpoint(t, (req) =>
      req.path.startsWith("/status")
        ? { json: statusBody({ height: 7 }) }
        : { json: { jsonrpc: "2.0", id: 1, result: "0x7" } },
    );
    const { client, deletes } = fakeClient({ network: "ok", follower: "ok" }, chain.base);
    const lines: string[] = [];
    const result = await runUp(client, PLAN, {
      signal: new AbortController().signal,
      progress: (l) => lines.push(l),
    });
    assert.deepEqual(
      result.nodes.map((n) => [n.name, n.role, n.pid]),
      [
        ["devnet-0", "validator", 42],
        ["devnet-sentry", "sentry", 42],
        ["devnet-rpc-0", "follower", 42],
      ],
    );
    assert.equal(result.network.followers, 1);
    assert.deepEqual(Object.keys(result.timings), [
      "createNetwork",
      "networkReady",
      "createFollowers",
      "followersReady",
      "caughtUp",
      "total",
    ]);
    assert.equal(result.testAccount?.privateKey, ACCOUNT.privateKey);
    assert.match(lines.at(-1) ?? "", /^devnet-rpc-0: caught up at height 7, EVM serving$/);
    assert.deepEqual(deletes, []);
  });

  test("error: a follower that fails deletes the network with cascade and rethrows", async () => {
    const { client, deletes } = fakeClient({ network: "ok", follower: "fail" }, "http://127.0.0.1:1");
    await assert.rejects(
      runUp(client, PLAN, { signal: new AbortController().signal, progress: () => {} }),
      (err: unknown) => err instanceof FailedError && err.shortMessage === "devnet-rpc-0 failed",
    );
    assert.equal(deletes.length, 1);
    assert.equal(deletes[0]?.cascade, true);
  });

  test("behavior: --keep-on-failure keeps what was made", async () => {
    const { client, deletes } = fakeClient({ network: "fail", follower: "ok" }, "http://127.0.0.1:1");
    const lines: string[] = [];
    await assert.rejects(
      runUp(
        client,
        { ...PLAN, keepOnFailure: true },
        { signal: new AbortController().signal, progress: (l) => lines.push(l) },
      ),
      FailedError,
    );
    assert.deepEqual(deletes, []);
    assert.match(lines.at(-1) ?? "", /kept \(--keep-on-failure\); `seinet down devnet` deletes it/);
  });

  test("error: an interrupt is a CanceledError and deletes the network", async () => {
    const { client, deletes } = fakeClient({ network: "hang", follower: "ok" }, "http://127.0.0.1:1");
    const interrupt = new AbortController();
    setTimeout(() => interrupt.abort(new Error("interrupted")), 50);
    await assert.rejects(
      runUp(client, PLAN, { signal: interrupt.signal, progress: () => {} }),
      (err: unknown) => (err as { code?: string }).code === "CANCELED",
    );
    assert.equal(deletes.length, 1);
    assert.equal(deletes[0]?.signal?.aborted, false);
  });

  test("error: the deadline is a TimeoutError and deletes the network", async () => {
    const { client, deletes } = fakeClient({ network: "ok", follower: "hang" }, "http://127.0.0.1:1");
    await assert.rejects(
      runUp(
        client,
        { ...PLAN, timeoutMs: 100 },
        { signal: new AbortController().signal, progress: () => {} },
      ),
      (err: unknown) => (err as { code?: string }).code === "TIMEOUT",
    );
    assert.equal(deletes.length, 1);
  });
});
