import assert from "node:assert/strict";
import { test } from "node:test";
import { isCanceled, isFailed } from "../errors/predicates.js";
import { resumePastUpgrade } from "./resumePastUpgrade.js";
import { scriptedBackend } from "./scriptedBackend.fixture.js";

test("default: resolves with each node's height once every node is two blocks past", async (t) => {
  const b = await scriptedBackend(t, { validators: 2, answer: () => ({}) });
  for (const node of b.nodes.values()) node.height = 41;
  const nodes = [...b.nodes.values()].map((n) => n.handle);
  const heights = await resumePastUpgrade(nodes, { height: 40, signal: AbortSignal.timeout(10_000) });
  assert.deepEqual([...heights.keys()].sort(), ["n-0", "n-1"]);
  for (const h of heights.values()) assert.ok(h >= 42);
});

test("error: a node that failed on its new seid surfaces its error", async (t) => {
  const b = await scriptedBackend(t, { validators: 1, answer: () => ({}) });
  const node = b.nodes.get("n-0")!;
  node.phase = "Failed";
  await assert.rejects(resumePastUpgrade([node.handle], { height: 40 }), (err) => isFailed(err));
});

test("behavior: the caller's signal ends a wait for blocks that never come", async (t) => {
  const b = await scriptedBackend(t, { validators: 1, answer: () => ({}) });
  const node = b.nodes.get("n-0")!;
  node.height = 40;
  node.advancing = false;
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 500);
  await assert.rejects(
    resumePastUpgrade([node.handle], { height: 40, signal: controller.signal }),
    (err: Error) => isCanceled(err) && /past height 40/.test(err.message),
  );
});
