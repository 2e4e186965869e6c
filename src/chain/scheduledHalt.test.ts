import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { scheduledHalt } from "./scheduledHalt.js";

describe("scheduledHalt", () => {
  test("default: reads x/upgrade's halt line, quoted plainly or escaped in logfmt", () => {
    assert.deepEqual(scheduledHalt('panic: UPGRADE "v6.6" NEEDED at height: 132: '), {
      upgrade: "v6.6",
      height: 132,
    });
    assert.deepEqual(scheduledHalt('level=ERROR msg="UPGRADE \\"v6.6\\" NEEDED at height: 7: "'), {
      upgrade: "v6.6",
      height: 7,
    });
  });

  test("error: another panic is no halt", () => {
    assert.equal(scheduledHalt("panic: something else"), undefined);
    assert.equal(
      scheduledHalt('panic: BINARY UPDATED BEFORE TRIGGER! UPGRADE "v6.6" - in binary'),
      undefined,
    );
  });
});
