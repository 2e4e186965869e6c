import assert from "node:assert/strict";
import { test } from "node:test";
import { FailedError } from "../errors/failed.js";
import { scriptedBackend, takesUpgrade } from "./scriptedBackend.fixture.js";
import { upgradeTaskNames } from "./upgradeTaskNames.js";
import { voteUpgrade } from "./voteUpgrade.js";

const gov = { chainId: "n", fees: "20000usei", gas: 200_000 };

test("default: every validator votes yes on the proposal with its own task", async (t) => {
  const b = await scriptedBackend(t, { validators: 3, answer: takesUpgrade(40) });
  const validators = ["n-0", "n-1", "n-2"].map((n) => b.nodes.get(n)!.handle);
  await voteUpgrade(b.client, {
    validators,
    namespace: "ns",
    proposalId: 7,
    gov,
    taskName: upgradeTaskNames("abc"),
  });
  assert.deepEqual(
    b.tasks.map((s) => [s.name, s.node, s.govVote?.proposalId, s.govVote?.option]),
    [
      ["up-abc-vote-0", "n-0", 7, "yes"],
      ["up-abc-vote-1", "n-1", 7, "yes"],
      ["up-abc-vote-2", "n-2", 7, "yes"],
    ],
  );
});

test("error: a vote the chain refuses surfaces the task's error", async (t) => {
  const refused = new FailedError("The transaction was included but failed.", {
    resource: "task/up-abc-vote-1",
    phase: "Failed",
    reason: "inactive proposal",
  });
  const b = await scriptedBackend(t, {
    validators: 2,
    answer: (spec, backend) => (spec.node === "n-1" ? refused : takesUpgrade(40)(spec, backend)),
  });
  const validators = ["n-0", "n-1"].map((n) => b.nodes.get(n)!.handle);
  await assert.rejects(
    voteUpgrade(b.client, {
      validators,
      namespace: "ns",
      proposalId: 7,
      gov,
      taskName: upgradeTaskNames("abc"),
    }),
    (err) => err === refused,
  );
});
