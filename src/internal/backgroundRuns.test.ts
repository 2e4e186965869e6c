import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { BackgroundRuns } from "./backgroundRuns.js";

/** A run that ends when its signal aborts, and says it saw the abort. */
const untilAborted = (seen: string[], name: string) => (signal: AbortSignal) =>
  new Promise<void>((resolve) =>
    signal.addEventListener("abort", () => {
      seen.push(name);
      resolve();
    }),
  );

describe("BackgroundRuns", () => {
  test("default: cancel aborts the run by key and waits until it settled", async () => {
    const runs = new BackgroundRuns();
    const seen: string[] = [];
    runs.start("a", untilAborted(seen, "a"));
    runs.start("b", untilAborted(seen, "b"));
    await runs.cancel("a");
    assert.deepEqual(seen, ["a"]);
    await runs.cancel("a"); // already gone: nothing to do
    await runs.close();
    assert.deepEqual(seen, ["a", "b"]);
  });

  test("behavior: a run that ended by itself is forgotten; close after it is immediate", async () => {
    const runs = new BackgroundRuns();
    let signalSeen: AbortSignal | undefined;
    runs.start("done", async (signal) => {
      signalSeen = signal;
    });
    await new Promise((r) => setImmediate(r));
    await runs.close();
    assert.equal(signalSeen?.aborted, false, "a finished run is not aborted by close");
  });
});
