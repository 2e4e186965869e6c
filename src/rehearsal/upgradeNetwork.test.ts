import assert from "node:assert/strict";
import { test } from "node:test";
import { scriptedBackend, takesUpgrade } from "./scriptedBackend.fixture.js";
import { upgradeNetwork } from "./upgradeNetwork.js";

test("default: propose, vote, halt and swap validators, then full nodes, then resume", async (t) => {
  const b = await scriptedBackend(t, { validators: 2, followers: 1, answer: takesUpgrade(100) });
  const lines: string[] = [];
  const report = await upgradeNetwork(b.client, {
    network: "n",
    to: "v6.6.2",
    name: "v6.6",
    height: 100,
    onProgress: (line) => lines.push(line),
    signal: AbortSignal.timeout(20_000),
  });
  assert.deepEqual(
    b.calls.filter((c) => c.startsWith("runTask")),
    [
      "runTask GovSoftwareUpgrade n-0",
      "runTask GovVote n-0",
      "runTask GovVote n-1",
      "runTask AwaitNodesAtHeight n-0",
      "runTask AwaitNodesAtHeight n-1",
      "runTask UpdateNodeImage n-0",
      "runTask UpdateNodeImage n-1",
      "runTask AwaitNodesAtHeight n-f0",
      "runTask UpdateNodeImage n-f0",
    ],
  );
  const names = b.tasks.map((s) => s.name.replace(/^up-[0-9a-z]+-/, ""));
  assert.deepEqual(names, [
    "propose",
    "vote-0",
    "vote-1",
    "halt-0",
    "halt-1",
    "swap-2",
    "swap-3",
    "halt-4",
    "swap-5",
  ]);
  assert.deepEqual(b.tasks[0]?.govSoftwareUpgrade, {
    chainId: "n",
    fees: "20000usei",
    gas: 200_000,
    title: "Upgrade to v6.6",
    description: "seinet upgrade rehearsal to v6.6.2",
    initialDeposit: "10usei",
    upgradeName: "v6.6",
    upgradeHeight: 100,
  });
  assert.deepEqual(b.tasks[1]?.govVote, {
    chainId: "n",
    fees: "20000usei",
    gas: 200_000,
    proposalId: 7,
    option: "yes",
  });
  assert.deepEqual(
    lines.map((l) => l.replace(/\(now \d+, ~\d+ blocks\/s\)/, "(now …)")),
    [
      'proposing upgrade "v6.6" at height 100 (now …)',
      "proposal 7: 2 validator(s) vote yes",
      "waiting for 2 validator(s) to halt at height 100",
      "swapping 2 validator(s) to v6.6.2",
      "waiting for 1 full node(s) to reach height 100 and halt",
      "swapping 1 full node(s) to v6.6.2",
      "waiting for every node to pass height 102",
    ],
  );
  assert.equal(report.proposalId, 7);
  assert.equal(report.height, 100);
  assert.deepEqual(
    report.nodes.map((n) => [n.name, n.applied, n.height >= 102]),
    [
      ["n-0", "seid v6.6.2", true],
      ["n-1", "seid v6.6.2", true],
      ["n-f0", "seid v6.6.2", true],
    ],
  );
});

test("error: an upgrade height not above the chain's is a UsageError before anything is proposed", async (t) => {
  const b = await scriptedBackend(t, { validators: 1, answer: takesUpgrade(5) });
  await assert.rejects(
    upgradeNetwork(b.client, {
      network: "n",
      to: "v6.6.2",
      name: "v6.6",
      height: 5,
      signal: AbortSignal.timeout(20_000),
    }),
    (err: Error & { field?: string }) => err.name === "UsageError" && err.field === "height",
  );
  assert.deepEqual(b.tasks, []);
});
