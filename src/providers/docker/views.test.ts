import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { NodeView } from "./views.js";
import { keyInLabelReason, networkFacts, networkPhase } from "./views.js";

function node(name: string, role: NodeView["role"], phase: NodeView["phase"]): NodeView {
  return {
    name,
    namespace: "default",
    network: "n",
    networkNamespace: "default",
    role,
    ordinal: undefined,
    inspect: {} as NodeView["inspect"],
    alive: phase === "Running",
    phase,
    exitCode: phase === "Failed" ? 137 : undefined,
    reason: phase === "Running" ? undefined : `${phase.toLowerCase()} for a reason`,
    endpoints: {},
  };
}

describe("networkPhase (docker)", () => {
  test("default: every container running is Ready", () => {
    assert.deepEqual(
      networkPhase(2, [node("n-0", "validator", "Running"), node("n-sentry", "sentry", "Running")]),
      {
        phase: "Ready",
      },
    );
  });

  test("behavior: a container not started yet is Initializing", () => {
    const phase = networkPhase(2, [
      node("n-0", "validator", "Initializing"),
      node("n-sentry", "sentry", "Running"),
    ]);
    assert.equal(phase.phase, "Initializing");
  });

  test("behavior: a dead sentry degrades; a dead lone validator fails", () => {
    const degraded = networkPhase(2, [
      node("n-0", "validator", "Running"),
      node("n-sentry", "sentry", "Failed"),
    ]);
    assert.equal(degraded.phase, "Degraded");
    assert.match(degraded.reason ?? "", /^n-sentry: failed/);
    const failed = networkPhase(2, [
      node("n-0", "validator", "Failed"),
      node("n-sentry", "sentry", "Running"),
    ]);
    assert.equal(failed.phase, "Failed");
  });

  test("behavior: one of four validators down is Degraded, two is Failed", () => {
    const four = (down: number) =>
      Array.from({ length: 4 }, (_, i) => node(`n-${i}`, "validator", i < down ? "Failed" : "Running"));
    assert.equal(networkPhase(4, four(1)).phase, "Degraded");
    assert.equal(networkPhase(4, four(2)).phase, "Failed");
  });

  test("behavior: every stopped node halted at an upgrade is Paused", () => {
    const phase = networkPhase(2, [node("n-0", "validator", "Halted"), node("n-sentry", "sentry", "Halted")]);
    assert.equal(phase.phase, "Paused");
  });

  test("error: a container removed from outside makes the network Failed, saying so", () => {
    const phase = networkPhase(2, [node("n-0", "validator", "Running")]);
    assert.equal(phase.phase, "Failed");
    assert.match(phase.reason ?? "", /1 of its containers are gone/);
  });
});

describe("networkFacts", () => {
  const network = (labels: Record<string, string>) =>
    ({ Labels: { "sei.io/seinetwork": "n", "sei.io/validators": "1", ...labels } }) as never;

  test("default: no key is read from labels", () => {
    const facts = networkFacts(network({ "sei.io/sentry": "n-sentry" }));
    assert.equal(facts.keyInLabel, false);
    assert.deepEqual(facts.validators, ["n-0"]);
    assert.equal("testAccount" in facts, false);
  });

  test("error: a key in a label marks the network as one to recreate, and is not kept", () => {
    const facts = networkFacts(network({ "sei.io/test-account-key": `0x${"11".repeat(32)}` }));
    assert.equal(facts.keyInLabel, true);
    assert.doesNotMatch(JSON.stringify(facts), /1111/);
    assert.match(keyInLabelReason("n"), /seinet down n --mode docker/);
  });
});
