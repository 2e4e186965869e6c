import assert from "node:assert/strict";
import { test } from "node:test";
import { isCanceled } from "../errors/predicates.js";
import { haltAtUpgrade } from "./haltAtUpgrade.js";
import { scriptedBackend, takesUpgrade } from "./scriptedBackend.fixture.js";
import { upgradeTaskNames } from "./upgradeTaskNames.js";

test("default: each node's height task, then every node halted", async (t) => {
  const b = await scriptedBackend(t, { validators: 2, answer: takesUpgrade(40) });
  const group = ["n-0", "n-1"].map((n) => b.nodes.get(n)!.handle);
  await haltAtUpgrade(b.client, group, { height: 40, name: "v6.6", taskName: upgradeTaskNames("abc") });
  assert.deepEqual(
    b.tasks.map((s) => [s.name, s.node, s.awaitNodesAtHeight?.targetHeight]),
    [
      ["up-abc-halt-0", "n-0", 39],
      ["up-abc-halt-1", "n-1", 39],
    ],
  );
  assert.deepEqual(
    group.map((n) => n.phase),
    ["Halted", "Halted"],
  );
});

test("error: a node past the height on the old binary means the wrong upgrade name", async (t) => {
  const b = await scriptedBackend(t, {
    validators: 2,
    answer: (spec, backend) => {
      const node = backend.nodes.get(spec.node)!;
      node.height = 41; // it applied block 40: the chain had no upgrade named v6.5 there
      node.advancing = false;
      return { awaitNodesAtHeight: { currentHeight: 41 } };
    },
  });
  const group = ["n-0", "n-1"].map((n) => b.nodes.get(n)!.handle);
  await assert.rejects(
    haltAtUpgrade(b.client, group, { height: 40, name: "v6.5", taskName: upgradeTaskNames("abc") }),
    (err: Error & { field?: string }) =>
      err.name === "UsageError" &&
      err.field === "name" &&
      err.message ===
        'Node "n-0" passed height 40 on the old binary: is "v6.5" the upgrade name the chain expects?',
  );
});

test("behavior: the caller's signal ends a wait for a halt that never comes", async (t) => {
  const b = await scriptedBackend(t, {
    validators: 1,
    answer: (spec, backend) => {
      const node = backend.nodes.get(spec.node)!;
      node.height = 39; // at the block before, but never halts
      node.advancing = false;
      return { awaitNodesAtHeight: { currentHeight: 39 } };
    },
  });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 600);
  await assert.rejects(
    haltAtUpgrade(b.client, [b.nodes.get("n-0")!.handle], {
      height: 40,
      name: "v6.6",
      taskName: upgradeTaskNames("abc"),
      signal: controller.signal,
    }),
    (err: Error) => isCanceled(err) && /stop at height 40/.test(err.message),
  );
});
