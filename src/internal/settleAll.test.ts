import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { settleAll } from "./settleAll.js";

describe("settleAll", () => {
  test("default: the values, in order", async () => {
    assert.deepEqual(await settleAll([delay(20).then(() => 1), Promise.resolve(2)]), [1, 2]);
  });

  test("behavior: rejects with the first failure only after the slower siblings finished", async () => {
    let slowDone = false;
    const slow = delay(50).then(() => {
      slowDone = true;
    });
    await assert.rejects(
      settleAll([Promise.reject(new Error("first")), slow, Promise.reject(new Error("second"))]),
      {
        message: "first",
      },
    );
    assert.equal(slowDone, true);
  });
});
