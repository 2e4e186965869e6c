import assert from "node:assert/strict";
import { test } from "node:test";
import { scriptedBackend, takesUpgrade } from "./scriptedBackend.fixture.js";
import { swapToUpgrade } from "./swapToUpgrade.js";
import { upgradeTaskNames } from "./upgradeTaskNames.js";

test("default: the local mode swaps binaries and reports what each node runs", async (t) => {
  const b = await scriptedBackend(t, { validators: 2, answer: takesUpgrade(40) });
  const group = ["n-0", "n-1"].map((n) => b.nodes.get(n)!.handle);
  const applied = await swapToUpgrade(b.client, group, { to: "v6.6.2", taskName: upgradeTaskNames("abc") });
  assert.deepEqual(
    b.tasks.map((s) => s.updateNodeImage),
    [{ binary: "v6.6.2" }, { binary: "v6.6.2" }],
  );
  assert.deepEqual(
    [...applied],
    [
      ["n-0", "seid v6.6.2"],
      ["n-1", "seid v6.6.2"],
    ],
  );
});

test("args: other modes swap images", async (t) => {
  const b = await scriptedBackend(t, { validators: 1, mode: "docker", answer: () => ({}) });
  await swapToUpgrade(b.client, [b.nodes.get("n-0")!.handle], {
    to: "sei:v6.6.2",
    taskName: upgradeTaskNames("abc"),
  });
  assert.deepEqual(b.tasks[0]?.updateNodeImage, { image: "sei:v6.6.2" });
});
