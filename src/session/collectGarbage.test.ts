import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { collectGarbage } from "./collectGarbage.js";
import { ownerAlive, processStartTime } from "./ownerAlive.js";
import { type SessionRecord, listSessions, unreleased, writeSession } from "./sessionStore.js";

/** A pid that existed and is gone: a child that ran and was reaped. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(child.stdout);
}

const record = (
  id: string,
  pid: number,
  pidStart: string | null,
  at = new Date().toISOString(),
): SessionRecord => ({
  id,
  pid,
  pidStart,
  mode: "local",
  open: {},
  createdAt: at,
  entries: [
    { kind: "network", name: "kept", namespace: "default" },
    { kind: "network", name: "released", namespace: "default" },
  ],
  released: [{ kind: "network", name: "released", namespace: "default" }],
});

describe("sessions", () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "seinet-sessions-"));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("default: this process is alive; a gone pid, or one whose start time differs (reused), is not", () => {
    const start = processStartTime(process.pid);
    assert.equal(ownerAlive(process.pid, start), true);
    assert.equal(ownerAlive(deadPid(), null), false);
    if (start !== null) assert.equal(ownerAlive(process.pid, `${start}0`), false);
  });

  test("behavior: a dry run lists a dead owner's unreleased entries, leaves live sessions and young ones alone", async () => {
    await writeSession(dir, record("dead", deadPid(), null, new Date(Date.now() - 7_200_000).toISOString()));
    await writeSession(dir, record("young", deadPid(), null));
    await writeSession(dir, record("live", process.pid, processStartTime(process.pid)));
    const report = await collectGarbage({ dir, dryRun: true, olderThanMs: 3_600_000 });
    assert.equal(report.live, 1);
    assert.deepEqual(
      report.swept.map((s) => [s.id, s.removed.map((e) => e.name)]),
      [["dead", ["kept"]]],
    );
    assert.equal((await listSessions(dir)).length, 3, "a dry run removes nothing");
    assert.deepEqual(
      unreleased(record("x", 1, null)).map((e) => e.name),
      ["kept"],
    );
    const other = await collectGarbage({ dir, dryRun: true, modes: ["docker"] });
    assert.deepEqual(other, { swept: [], live: 0 });
  });
});
