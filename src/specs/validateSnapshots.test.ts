import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { UsageError } from "../errors/usage.js";
import { validateNetworkSpec } from "./validateNetworkSpec.js";

function refused(snapshots: unknown, field: string, message: RegExp, config?: Record<string, string>) {
  assert.throws(
    () => validateNetworkSpec({ name: "n", validators: 1, snapshots, ...(config ? { config } : {}) }),
    (err) => {
      assert.ok(err instanceof UsageError);
      assert.equal(err.field, field);
      assert.match(err.message, message);
      return true;
    },
  );
}

describe("validateNetworkSpec: snapshots", () => {
  test("default: an interval alone, or with keepRecent", () => {
    validateNetworkSpec({ name: "n", validators: 1, snapshots: { interval: 10 } });
    validateNetworkSpec({ name: "n", validators: 1, snapshots: { interval: 1, keepRecent: 1 } });
  });

  test("error: interval not a positive integer", () => {
    refused({ interval: 0 }, "snapshots.interval", /`snapshots.interval` to be an integer ≥ 1, got 0/);
    refused({ interval: 2.5 }, "snapshots.interval", /got 2.5/);
    refused({ interval: "10" }, "snapshots.interval", /got "10"/);
    refused({}, "snapshots.interval", /got undefined/);
  });

  test("error: keepRecent below 1", () => {
    refused({ interval: 10, keepRecent: 0 }, "snapshots.keepRecent", /integer ≥ 1, got 0/);
  });

  test("error: unknown fields and non-objects", () => {
    refused({ interval: 10, every: 3 }, "snapshots.every", /Unknown field `snapshots.every`/);
    refused(10, "snapshots", /`snapshots` to be an object, got 10/);
  });

  test("error: the same key in config too", () => {
    refused(
      { interval: 10 },
      "config.state-sync.snapshot-interval",
      /sets "state-sync.snapshot-interval" and `snapshots` sets it too/,
      { "state-sync.snapshot-interval": "5" },
    );
  });
});
