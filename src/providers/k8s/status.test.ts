import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { CustomResource } from "./resources.js";
import { describeStatus, failureReason, phaseOf, statusString } from "./status.js";

function cr(status?: Record<string, unknown>): CustomResource {
  return {
    apiVersion: "sei.io/v1alpha1",
    kind: "SeiNetwork",
    metadata: { name: "devnet" },
    spec: {},
    ...(status ? { status } : {}),
  };
}

describe("phaseOf / statusString", () => {
  test("default: the phase when it is a string", () => {
    assert.equal(phaseOf(cr({ phase: "Ready" })), "Ready");
    assert.equal(phaseOf(cr({ phase: 3 })), undefined);
    assert.equal(phaseOf(cr()), undefined);
    assert.equal(phaseOf(undefined), undefined);
  });

  test("behavior: walks a path of objects; empty or non-string is undefined", () => {
    const obj = cr({ endpoints: { tendermintRpc: "http://a:26657", rest: "", n: 5 } });
    assert.equal(statusString(obj, "endpoints", "tendermintRpc"), "http://a:26657");
    assert.equal(statusString(obj, "endpoints", "rest"), undefined);
    assert.equal(statusString(obj, "endpoints", "n"), undefined);
    assert.equal(statusString(obj, "endpoints", "missing", "deeper"), undefined);
    assert.equal(statusString(cr(), "x"), undefined);
  });
});

describe("failureReason", () => {
  test("default: nothing to say → undefined", () => {
    assert.equal(failureReason(undefined), undefined);
    assert.equal(failureReason(cr()), undefined);
    assert.equal(
      failureReason(cr({ phase: "Ready", conditions: [{ type: "Ready", status: "True" }] })),
      undefined,
    );
  });

  test("behavior: a Failed=True condition wins, as reason: message", () => {
    const obj = cr({
      conditions: [
        { type: "Ready", status: "False", reason: "NotReady", message: "waiting" },
        { type: "Failed", status: "True", reason: "GenesisFailed", message: "invalid account" },
      ],
      plan: { failedTaskDetail: { error: "task error" } },
    });
    assert.equal(failureReason(obj), "GenesisFailed: invalid account");
  });

  test("behavior: then Ready=False with a message, then any False with a message", () => {
    assert.equal(
      failureReason(
        cr({
          conditions: [
            { type: "Synced", status: "False", message: "other" },
            { type: "Ready", status: "False", reason: "Pending", message: "0/3 validators" },
          ],
        }),
      ),
      "Pending: 0/3 validators",
    );
    assert.equal(
      failureReason(
        cr({ conditions: [{ type: "Synced", status: "False", reason: "R", message: "behind" }] }),
      ),
      "R: behind",
    );
    assert.equal(
      failureReason(cr({ conditions: [{ type: "Failed", status: "True", reason: "OnlyReason" }] })),
      "OnlyReason",
    );
    assert.equal(
      failureReason(cr({ conditions: [{ type: "Failed", status: "True", message: "only message" }] })),
      "only message",
    );
  });

  test("behavior: conditions without messages fall through to the plan's failed task", () => {
    const obj = cr({
      conditions: [{ type: "Ready", status: "False", reason: "NoMessage" }],
      plan: { failedTaskDetail: { error: "init-genesis: exit status 1" } },
      task: { err: "ignored" },
    });
    assert.equal(failureReason(obj), "init-genesis: exit status 1");
  });

  test("behavior: then task.err, then status.message", () => {
    assert.equal(failureReason(cr({ task: { err: "tx failed: out of gas" } })), "tx failed: out of gas");
    assert.equal(failureReason(cr({ message: "controller says hi", task: {} })), "controller says hi");
    assert.equal(
      failureReason(cr({ plan: { failedTaskDetail: { error: "" } }, task: { err: "" } })),
      undefined,
    );
  });

  test("behavior: conditions that are not an array are ignored", () => {
    assert.equal(failureReason(cr({ conditions: { type: "Failed" }, task: { err: "e" } })), "e");
  });
});

describe("describeStatus", () => {
  test("default: not created yet / no phase yet", () => {
    assert.equal(describeStatus(undefined), "not created yet");
    assert.equal(describeStatus(cr()), "phase no phase yet");
  });

  test("behavior: phase with the reason in parentheses", () => {
    assert.equal(describeStatus(cr({ phase: "Initializing" })), "phase Initializing");
    assert.equal(
      describeStatus(
        cr({ phase: "Failed", conditions: [{ type: "Failed", status: "True", reason: "R", message: "m" }] }),
      ),
      "phase Failed (R: m)",
    );
  });
});
