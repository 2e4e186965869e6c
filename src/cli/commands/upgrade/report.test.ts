import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { renderUpgrade, upgradeDocument, upgradeTimingsTable } from "./report.js";
import type { UpgradeResult } from "./run.js";

const RESULT: UpgradeResult = {
  network: "devnet",
  namespace: "default",
  upgradeName: "v6.6",
  height: 109,
  proposalId: 1,
  to: { binary: "v6.6.2", path: "/cache/seid/3e7d/bin/seid", version: "v6.6.2" },
  nodes: [
    { name: "devnet-0", role: "validator", from: "v6.5.2", applied: "v6.6.2", height: 120 },
    { name: "devnet-rpc-0", role: "follower", from: null, applied: null, height: 0 },
  ],
  timings: { proposeMs: 600, voteMs: 400, haltMs: 8_700, swapMs: 16_300, resumeMs: 1_500, totalMs: 28_700 },
};

describe("upgrade report", () => {
  test("default: the --json document carries the report and its timings", () => {
    const doc = upgradeDocument(RESULT);
    assert.deepEqual(Object.keys(doc), [
      "command",
      "network",
      "namespace",
      "upgradeName",
      "height",
      "proposalId",
      "to",
      "nodes",
      "timings",
    ]);
    assert.equal(doc.command, "upgrade");
    assert.deepEqual(doc.timings, RESULT.timings);
    assert.deepEqual(doc.nodes, RESULT.nodes);
  });

  test("default: the human report", () => {
    assert.equal(
      renderUpgrade(RESULT),
      [
        'Network devnet upgraded to seid v6.6.2 (upgrade "v6.6", proposal 1) at height 109 in 28.7 s.',
        "",
        "NODE          ROLE       FROM    APPLIED  HEIGHT",
        "devnet-0      validator  v6.5.2  v6.6.2   120",
        "devnet-rpc-0  follower   -       -        0",
        "",
        "PHASE    TIME",
        "propose  0.6 s",
        "votes    0.4 s",
        "halt     8.7 s",
        "swap     16.3 s",
        "resume   1.5 s",
        "total    28.7 s",
        "",
        "`seinet status devnet` shows its endpoints.",
      ].join("\n"),
    );
  });

  test("args: another namespace shows in the hint", () => {
    assert.match(renderUpgrade({ ...RESULT, namespace: "ci" }), /`seinet status devnet --namespace ci`/);
  });

  test("behavior: the timings table is in phase order", () => {
    const phases = upgradeTimingsTable(RESULT.timings)
      .split("\n")
      .slice(1)
      .map((l) => l.split(" ")[0]);
    assert.deepEqual(phases, ["propose", "votes", "halt", "swap", "resume", "total"]);
  });
});
