import assert from "node:assert/strict";
import { test } from "node:test";
import { FailedError } from "../errors/failed.js";
import { proposeUpgrade } from "./proposeUpgrade.js";
import { scriptedBackend, takesUpgrade } from "./scriptedBackend.fixture.js";
import { upgradeTaskNames } from "./upgradeTaskNames.js";

const gov = { chainId: "n", fees: "20000usei", gas: 200_000 };

async function propose(
  t: Parameters<typeof scriptedBackend>[0],
  answer: Parameters<typeof scriptedBackend>[1]["answer"],
) {
  const b = await scriptedBackend(t, { validators: 2, answer });
  const proposer = b.nodes.get("n-0")!.handle;
  const run = proposeUpgrade(b.client, {
    proposer,
    namespace: "ns",
    gov,
    name: "v6.6",
    to: "v6.6.2",
    height: 40,
    deposit: "10usei",
    taskName: upgradeTaskNames("abc"),
  });
  return { b, run };
}

test("default: one GovSoftwareUpgrade task from the proposer, resolving with the proposal id", async (t) => {
  const { b, run } = await propose(t, takesUpgrade(40));
  assert.equal(await run, 7);
  assert.deepEqual(b.calls, ["runTask GovSoftwareUpgrade n-0", "wait up-abc-propose"]);
  assert.equal(b.tasks[0]?.namespace, "ns");
  assert.equal(b.tasks[0]?.govSoftwareUpgrade?.upgradeHeight, 40);
});

test("error: a proposal the chain refuses surfaces the task's error", async (t) => {
  const refused = new FailedError("The chain refused the transaction.", {
    resource: "task/up-abc-propose",
    phase: "Failed",
    reason: "insufficient fees",
  });
  const { run } = await propose(t, () => refused);
  await assert.rejects(run, (err) => err === refused);
});

test("error: a runtime that publishes no proposal id is a FailedError saying so, not a vote on nothing", async (t) => {
  const { b, run } = await propose(t, () => ({}));
  const err = await run.then(
    () => assert.fail("resolved"),
    (e: unknown) => e,
  );
  assert.ok(err instanceof FailedError, String(err));
  assert.equal(err.resource, "task/up-abc-propose");
  assert.match(err.message, /published no proposal id/);
  assert.deepEqual(b.calls, ["runTask GovSoftwareUpgrade n-0", "wait up-abc-propose"]);
});
