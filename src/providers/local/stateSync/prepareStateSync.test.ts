import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { UsageError } from "../../../errors/usage.js";
import type { NetworkRecord } from "../records.js";
import { firstSnapshotWaitMs, requireSnapshots } from "./prepareStateSync.js";

describe("firstSnapshotWaitMs", () => {
  test("default: at least 30 s, half a second per block, at most 5 min", () => {
    assert.equal(firstSnapshotWaitMs(10), 30_000);
    assert.equal(firstSnapshotWaitMs(200), 100_000);
    assert.equal(firstSnapshotWaitMs(1_000_000), 300_000);
  });
});

describe("requireSnapshots", () => {
  const network = { name: "devnet" } as NetworkRecord;

  test("default: a network with snapshots passes", () => {
    requireSnapshots({ ...network, snapshots: { interval: 10 } }, "stateSync");
  });

  test("error: a network without snapshots is a UsageError naming the fix", () => {
    assert.throws(
      () => requireSnapshots(network, "stateSync"),
      (err) => {
        assert.ok(err instanceof UsageError);
        assert.equal(err.field, "stateSync");
        assert.match(err.message, /Network "devnet" takes no state-sync snapshots.*snapshots: \{ interval/);
        return true;
      },
    );
  });
});
