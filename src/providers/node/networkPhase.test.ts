import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type MemberState, networkPhase } from "./networkPhase.js";

const member = (name: string, phase: MemberState["phase"], role: MemberState["role"] = "validator") => ({
  name,
  role,
  alive: phase === "Running",
  phase,
  reason: phase === "Running" ? undefined : `${phase.toLowerCase()} now`,
});

describe("networkPhase (shared)", () => {
  test("default: every member running is Ready", () => {
    assert.deepEqual(networkPhase([member("n-0", "Running"), member("n-sentry", "Running", "sentry")]), {
      phase: "Ready",
    });
  });

  test("behavior: more than two thirds of the validators running is Degraded, naming who is down", () => {
    const four = ["Running", "Failed", "Running", "Running"] as const;
    assert.deepEqual(networkPhase(four.map((p, i) => member(`n-${i}`, p))), {
      phase: "Degraded",
      reason: "n-1: failed now",
    });
  });

  test("behavior: two of four validators down is Failed; a dead sentry degrades a lone validator's network", () => {
    const four = ["Failed", "Running", "Failed", "Running"] as const;
    assert.equal(networkPhase(four.map((p, i) => member(`n-${i}`, p))).phase, "Failed");
    assert.equal(
      networkPhase([member("n-0", "Running"), member("n-sentry", "Failed", "sentry")]).phase,
      "Degraded",
    );
  });

  test("behavior: every stopped member halted at an upgrade is Paused", () => {
    assert.deepEqual(networkPhase([member("n-0", "Halted"), member("n-sentry", "Halted", "sentry")]), {
      phase: "Paused",
      reason: "n-0: halted now; n-sentry: halted now",
    });
  });
});
