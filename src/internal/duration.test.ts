import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { UsageError } from "../errors/usage.js";
import { parseDuration, seconds } from "./duration.js";

describe("parseDuration", () => {
  test("default: seconds, minutes, milliseconds and hours", () => {
    assert.equal(parseDuration("90s", "--timeout"), 90_000);
    assert.equal(parseDuration("5m", "--timeout"), 300_000);
    assert.equal(parseDuration("300000ms", "--timeout"), 300_000);
    assert.equal(parseDuration("1h", "--timeout"), 3_600_000);
    assert.equal(parseDuration("1.5m", "--timeout"), 90_000);
    assert.equal(parseDuration(" 2s ", "--timeout"), 2_000);
  });

  test("error: no unit, zero, negative, unknown unit or beyond a timer", () => {
    for (const bad of ["300", "0s", "-5s", "5x", "5 m", "", "s", "1e3ms", "5M", "25d", "999999h"]) {
      assert.throws(
        () => parseDuration(bad, "--timeout"),
        (err: unknown) =>
          err instanceof UsageError &&
          err.field === "--timeout" &&
          err.message ===
            `Expected \`--timeout\` to be a positive duration with a unit (90s, 5m, 300000ms, 1h), got ${JSON.stringify(bad)}.`,
        bad,
      );
    }
  });

  test("behavior: seconds() renders one decimal", () => {
    assert.equal(seconds(4249), "4.2 s");
    assert.equal(seconds(0), "0.0 s");
  });
});
