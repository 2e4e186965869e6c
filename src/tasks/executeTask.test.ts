import assert from "node:assert/strict";
import { test } from "node:test";
import { isTimeout } from "../errors/predicates.js";
import { fakeEndpoint, statusBody } from "../readiness/fakeEndpoint.fixture.js";
import type { TaskSpec } from "../specs/types.js";
import { executeTask } from "./executeTask.js";
import type { TaskBackend, TaskNodeView, TaskTarget } from "./taskTarget.js";

const unused = () => {
  throw new Error("not used by AwaitNodesAtHeight");
};

/** A node at `height` on Tendermint RPC, with `plan` pending on REST; `halted()` flips its view. */
async function scene(t: Parameters<typeof fakeEndpoint>[0], height: number, plan: number | null) {
  const fake = await fakeEndpoint(t, (req) =>
    req.path.startsWith("/cosmos/upgrade/v1beta1/current_plan")
      ? { json: { plan: plan === null ? null : { name: "v6.6", height: String(plan) } } }
      : { json: statusBody({ height }) },
  );
  let view: TaskNodeView = { phase: "Running", tendermintRpc: fake.base };
  let views = 0;
  const target: TaskTarget = {
    name: "n-0",
    namespace: "default",
    role: "validator",
    chainId: "n",
    home: "/nowhere",
    txNode: fake.base,
    rest: fake.base,
    runtime: {
      seid: unused,
      readFile: unused,
      readFiles: unused,
      writeFile: unused,
      writeFiles: unused,
      mkdir: unused,
    },
  };
  const backend: TaskBackend<TaskTarget> = {
    namespace: (ns) => ns ?? "default",
    target: async () => target,
    view: async () => {
      views++;
      return view;
    },
    checkUpdate: async () => {},
    update: unused,
    restart: unused,
  };
  return {
    target,
    backend,
    views: () => views,
    halt: (at: number) => {
      view = { phase: "Halted", halt: { upgrade: "v6.6", height: at } };
    },
  };
}

const awaitSpec = (targetHeight: number): TaskSpec => ({
  name: "await",
  node: "n-0",
  kind: "AwaitNodesAtHeight",
  awaitNodesAtHeight: { targetHeight },
});

test("default: a node at the target height with no upgrade pending has reached it", async (t) => {
  const s = await scene(t, 40, null);
  const out = await executeTask(awaitSpec(40), s.target, s.backend, AbortSignal.timeout(5_000));
  assert.deepEqual(out, { awaitNodesAtHeight: { currentHeight: 40 } });
});

test("default: an upgrade due later does not hold the task back", async (t) => {
  const s = await scene(t, 40, 45);
  const out = await executeTask(awaitSpec(39), s.target, s.backend, AbortSignal.timeout(5_000));
  assert.deepEqual(out, { awaitNodesAtHeight: { currentHeight: 40 } });
});

test("behavior: a node that reports the upgrade height is watched until it halts there", async (t) => {
  const s = await scene(t, 40, 40);
  const run = executeTask(awaitSpec(40), s.target, s.backend, AbortSignal.timeout(5_000));
  // It has stored block 40 and not applied it: the task must not end yet.
  for (let i = 0; s.views() < 4; i++) {
    assert.ok(i < 100, "the task keeps looking at the node");
    await new Promise((r) => setTimeout(r, 20));
  }
  s.halt(40);
  assert.deepEqual(await run, { awaitNodesAtHeight: { currentHeight: 40 } });
});

test("error: the caller's signal ends a wait for a halt that never comes", async (t) => {
  const s = await scene(t, 40, 40);
  await assert.rejects(
    executeTask(awaitSpec(40), s.target, s.backend, AbortSignal.timeout(400)),
    (err: unknown) => isTimeout(err) && /height 40/.test((err as Error).message),
  );
});
