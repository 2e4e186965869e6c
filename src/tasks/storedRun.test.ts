import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, test } from "node:test";
import { FailedError } from "../errors/failed.js";
import { type StoredRun, settled, waitStoredRun } from "./storedRun.js";

/** A pid that has exited and been reaped. */
const deadPid = (): number => spawnSync("true").pid as number;

describe("settled", () => {
  test("default: a run of this process is read as written", () => {
    const run: StoredRun = { name: "t", phase: "Running", runnerPid: process.pid };
    assert.equal(settled(run), run);
  });

  test("error: a Running or Pending run whose runner exited is Failed, saying so", () => {
    for (const phase of ["Running", "Pending"] as const) {
      const pid = deadPid();
      const run = settled<StoredRun>({ name: "t", phase, runnerPid: pid });
      assert.equal(run.phase, "Failed");
      assert.equal(run.reason, `the process that ran it (pid ${pid}) exited`);
    }
  });

  test("behavior: a finished run stays as it ended, runner or not", () => {
    const run: StoredRun = { name: "t", phase: "Complete", runnerPid: deadPid() };
    assert.equal(settled(run).phase, "Complete");
  });
});

describe("waitStoredRun", () => {
  test("default: resolves once the run reads Complete", async () => {
    const phases = ["Pending", "Running", "Complete"] as const;
    let reads = 0;
    await waitStoredRun(
      "task",
      "t",
      async () => ({ name: "t", phase: phases[Math.min(reads++, 2)]!, runnerPid: process.pid }),
      AbortSignal.timeout(5_000),
    );
    assert.equal(reads, 3);
  });

  test("error: Failed rejects with the reason, the log tail and the resource", async () => {
    await assert.rejects(
      waitStoredRun(
        "workflow",
        "w",
        async () => ({
          name: "w",
          phase: "Failed",
          runnerPid: process.pid,
          reason: "no snapshot",
          logTail: "x",
        }),
        AbortSignal.timeout(5_000),
      ),
      (e: unknown) => {
        assert.ok(e instanceof FailedError);
        assert.equal(e.shortMessage, 'Workflow "w" failed.');
        assert.equal(e.reason, "no snapshot");
        assert.equal(e.logTail, "x");
        return true;
      },
    );
  });
});
