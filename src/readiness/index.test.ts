import assert from "node:assert/strict";
import { test } from "node:test";
import * as readiness from "./index.js";

test("default", () => {
  assert.deepEqual(Object.keys(readiness).sort(), [
    "earliestHeight",
    "fetchStatus",
    "latestHeight",
    "operatorAccount",
    "stakingValidators",
    "waitCaughtUp",
    "waitChainAdvances",
    "waitEvmServing",
    "waitHeightAdvances",
    "waitRecovered",
    "waitRestServing",
  ]);
});
