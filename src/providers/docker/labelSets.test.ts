import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { baseLabels, labelFilter } from "./labelSets.js";

describe("docker label sets", () => {
  test("behavior: seinet's labels win over the caller's, which are also kept as JSON", () => {
    const labels = baseLabels("ci", "devnet", "run1", { team: "sdk", "sei.io/seinetwork": "spoof" });
    assert.equal(labels["sei.io/seinetwork"], "devnet");
    assert.equal(labels["sei.io/namespace"], "ci");
    assert.equal(labels["sei.io/run"], "run1");
    assert.equal(labels["app.kubernetes.io/managed-by"], "seinet");
    assert.equal(labels.team, "sdk");
    assert.deepEqual(JSON.parse(labels["sei.io/user-labels"] ?? "{}"), {
      team: "sdk",
      "sei.io/seinetwork": "spoof",
    });
  });

  test("default: a label filter lists key=value pairs", () => {
    assert.deepEqual(labelFilter({ a: "1", "b.io/c": "d" }), { label: ["a=1", "b.io/c=d"] });
  });
});
