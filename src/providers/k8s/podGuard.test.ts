import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { V1Pod } from "@kubernetes/client-node";
import { FailedError } from "../../errors/failed.js";
import type { K8sContext } from "./context.js";
import type { WatchEnd, WatchEvent } from "./kubeApi.js";
import { guardPods, podSelector } from "./podGuard.js";

const stuck: V1Pod = {
  metadata: { name: "rpc-0", resourceVersion: "7" },
  status: {
    phase: "Running",
    containerStatuses: [
      {
        name: "seid",
        image: "sei",
        imageID: "",
        ready: false,
        restartCount: 2,
        state: { waiting: { reason: "CrashLoopBackOff", message: "back-off 10s" } },
        lastState: { terminated: { exitCode: 1, reason: "Error" } },
      },
    ],
  },
};

/** An API double: `listed` pods, then watch events pushed by the test; records log-tail calls. */
function fakeContext(options: { listed?: V1Pod[]; listError?: Error } = {}) {
  let push: ((type: WatchEvent["type"], pod: V1Pod) => boolean) | undefined;
  const tails: { pod: string; previous: boolean | undefined }[] = [];
  const selectors: string[] = [];
  const ctx = {
    api: {
      async listPods(_namespace: string, selector: string) {
        selectors.push(selector);
        if (options.listError) throw options.listError;
        return { items: options.listed ?? [], resourceVersion: "5" };
      },
      watchPods(
        _namespace: string,
        _selector: string,
        _rv: string,
        onEvent: (type: WatchEvent["type"], pod: V1Pod) => boolean,
        signal: AbortSignal,
      ): Promise<WatchEnd> {
        push = onEvent;
        return new Promise((resolve, reject) => {
          const ended = setInterval(() => {
            if (stopped) {
              clearInterval(ended);
              resolve("stopped");
            }
          }, 5);
          signal.addEventListener("abort", () => {
            clearInterval(ended);
            reject(signal.reason);
          });
        });
      },
    },
    logs: {
      async tail(_namespace: string, pod: string, _lines: number, o: { previous?: boolean }) {
        tails.push({ pod, previous: o.previous });
        return "panic: bad config";
      },
    },
  } as unknown as K8sContext;
  let stopped = false;
  return {
    ctx,
    tails,
    selectors,
    emit(type: WatchEvent["type"], pod: V1Pod) {
      if (push?.(type, pod)) stopped = true;
    },
  };
}

const target = (nodes: string[]) => ({
  namespace: "ns",
  nodes,
  resource: "node/rpc",
  message: () => 'Node "rpc" cannot serve.',
  phase: () => "Running",
});

const until = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(new Error("aborted"))));

describe("guardPods", () => {
  test("default: the work's value, with the pod watch stopped after it", async () => {
    const fake = fakeContext();
    const value = await guardPods(fake.ctx, target(["rpc"]), AbortSignal.timeout(5_000), async () => 42);
    assert.equal(value, 42);
    assert.deepEqual(fake.selectors, ["sei.io/node=rpc"]);
  });

  test("behavior: a pod that starts crash-looping mid-wait rejects it at once with the kubelet's reason and seid's previous log", async () => {
    const fake = fakeContext({ listed: [{ metadata: { name: "rpc-0" }, status: { phase: "Running" } }] });
    const waiting = guardPods(fake.ctx, target(["rpc"]), AbortSignal.timeout(5_000), until);
    await new Promise((r) => setTimeout(r, 20));
    fake.emit("MODIFIED", stuck);
    const err = await waiting.then(
      () => assert.fail("resolved"),
      (e: unknown) => e,
    );
    assert.ok(err instanceof FailedError, String(err));
    assert.equal(err.resource, "node/rpc");
    assert.equal(err.phase, "Running");
    assert.match(
      err.reason ?? "",
      /^pod rpc-0: container seid: CrashLoopBackOff; back-off 10s; last exit code 1/,
    );
    assert.equal(err.exitCode, 1);
    assert.equal(err.logTail, "panic: bad config");
    assert.deepEqual(fake.tails, [{ pod: "rpc-0", previous: true }]);
  });

  test("behavior: a pod already stuck when listed rejects before any watch", async () => {
    const fake = fakeContext({ listed: [stuck] });
    await assert.rejects(
      guardPods(fake.ctx, target(["a", "b"]), AbortSignal.timeout(5_000), until),
      FailedError,
    );
    assert.deepEqual(fake.selectors, ["sei.io/node in (a,b)"]);
  });

  test("error: a pod watch the server refuses (no RBAC) leaves the wait to its own end", async () => {
    const fake = fakeContext({ listError: new Error("pods is forbidden") });
    const value = await guardPods(fake.ctx, target(["rpc"]), AbortSignal.timeout(5_000), async () => {
      await new Promise((r) => setTimeout(r, 20));
      return "served";
    });
    assert.equal(value, "served");
  });

  test("behavior: the work's own error passes through; no nodes means no watch", async () => {
    const fake = fakeContext();
    await assert.rejects(
      guardPods(fake.ctx, target(["rpc"]), AbortSignal.timeout(5_000), async () => {
        throw new RangeError("own");
      }),
      RangeError,
    );
    const none = fakeContext();
    assert.equal(await guardPods(none.ctx, target([]), AbortSignal.timeout(5_000), async () => 1), 1);
    assert.deepEqual(none.selectors, []);
  });

  test("podSelector: one node by equality, several by set", () => {
    assert.equal(podSelector(["x"]), "sei.io/node=x");
    assert.equal(podSelector(["x-0", "x-1"]), "sei.io/node in (x-0,x-1)");
  });
});
