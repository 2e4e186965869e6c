// Test fixture, not tests: forces garbage collection while a test runs, to
// catch timers or signals that are collected before they fire.
import type { TestContext } from "node:test";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Runs a full garbage collection every `everyMs` until the test ends. */
export function underGcPressure(t: TestContext, everyMs = 10): void {
  const timer = setInterval(gc, everyMs);
  t.after(() => clearInterval(timer));
}
