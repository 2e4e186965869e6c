import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { untilEnough } from "./untilEnough.js";

describe("untilEnough", () => {
  test("default: asks again only the targets that have not passed, until all have", async () => {
    const asked: string[] = [];
    let round = 0;
    await untilEnough(
      ["a", "b"],
      async (t) => {
        asked.push(t);
        if (t === "a") round++;
        return t === "b" || round >= 3;
      },
      { timeoutMs: 10_000 },
    );
    assert.deepEqual(asked, ["a", "b", "a", "a"]);
  });

  test("args: atLeast stops once that many passed; a probe that throws counts as not yet", async () => {
    let asked = 0;
    await untilEnough(
      [1, 2, 3],
      async (n) => {
        asked++;
        if (n === 3) throw new Error("refused");
        return true;
      },
      { timeoutMs: 10_000, atLeast: 2 },
    );
    assert.equal(asked, 3, "one round was enough");
  });

  test("behavior: gives up quietly at the bound", async () => {
    const started = Date.now();
    await untilEnough(["x"], async () => false, { timeoutMs: 200 });
    assert.ok(Date.now() - started >= 200);
  });
});
