import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { InfraError } from "../errors/infra.js";
import { FileTaskStore } from "./fileTaskStore.js";
import type { TaskRecord } from "./taskRecord.js";

const record: TaskRecord = {
  kind: "task",
  name: "t1",
  namespace: "ns",
  spec: { name: "t1", node: "n", kind: "RestartSeid", restartSeid: {} },
  phase: "Pending",
  runnerPid: process.pid,
  createdAt: new Date(0).toISOString(),
};

describe("FileTaskStore", () => {
  test("default: write, read back from a second store on the same root, remove", async () => {
    const root = await mkdtemp(join(tmpdir(), "seinet-tasks-"));
    try {
      await new FileTaskStore(root).writeTask(record);
      const other = new FileTaskStore(root);
      assert.deepEqual(await other.readTask("ns", "t1"), record);
      await other.removeTask("ns", "t1");
      await other.removeTask("ns", "t1");
      assert.equal(await other.readTask("ns", "t1"), undefined);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  test("behavior: withLock runs one holder at a time", async () => {
    const root = await mkdtemp(join(tmpdir(), "seinet-tasks-"));
    try {
      const store = new FileTaskStore(root);
      let inside = 0;
      let most = 0;
      await Promise.all(
        [1, 2, 3].map(() =>
          store.withLock(async () => {
            most = Math.max(most, ++inside);
            await new Promise((r) => setTimeout(r, 20));
            inside--;
          }),
        ),
      );
      assert.equal(most, 1);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  test("error: an unreadable record is an InfraError naming the file", async () => {
    const root = await mkdtemp(join(tmpdir(), "seinet-tasks-"));
    try {
      const store = new FileTaskStore(root);
      await store.writeTask(record);
      await writeFile(store.taskFile("ns", "t1"), "{not json");
      await assert.rejects(store.readTask("ns", "t1"), (e: unknown) => {
        assert.ok(e instanceof InfraError);
        assert.match(e.message, /t1\.json/);
        return true;
      });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
