import assert from "node:assert/strict";
import { test } from "node:test";
import { isNotFound } from "../errors/predicates.js";
import { type RunRecords, StoredRuns } from "./storedRuns.js";

interface Rec {
  namespace: string;
  name: string;
  step: string;
}

function memoryRecords(): RunRecords<Rec> & { map: Map<string, Rec> } {
  const map = new Map<string, Rec>();
  return {
    map,
    read: async (ns, name) => map.get(`${ns}/${name}`),
    write: async (r) => {
      map.set(`${r.namespace}/${r.name}`, { ...r });
    },
    remove: async (ns, name) => {
      map.delete(`${ns}/${name}`);
    },
    withLock: (fn) => fn(),
  };
}

test("default: start writes the record and runs; find reads it back; cancel aborts the run and removes it", async () => {
  const records = memoryRecords();
  const runs = new StoredRuns("workflow", records);
  let aborted = false;
  const record = { namespace: "ns", name: "w", step: "start" };
  await runs.start(record, async (signal) => {
    await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve()));
    aborted = true;
  });
  assert.deepEqual(await runs.find("ns", "w"), record);
  await runs.cancel("ns", "w");
  assert.equal(aborted, true);
  assert.equal(records.map.size, 0);
  await runs.close();
});

test("error: a name taken in the namespace is a ConflictError and nothing starts", async () => {
  const runs = new StoredRuns("task", memoryRecords());
  await runs.start({ namespace: "ns", name: "t", step: "a" }, async () => {});
  let started = false;
  await assert.rejects(
    runs.start({ namespace: "ns", name: "t", step: "b" }, async () => {
      started = true;
    }),
    { name: "ConflictError", message: 'A task named "t" already exists in namespace "ns".' },
  );
  assert.equal(started, false);
});

test("behavior: save keeps a deleted run deleted; find of a missing run is NotFoundError", async () => {
  const records = memoryRecords();
  const runs = new StoredRuns("task", records);
  const record = { namespace: "ns", name: "t", step: "a" };
  await runs.start(record, async () => {});
  await runs.save({ ...record, step: "b" });
  assert.equal(records.map.get("ns/t")?.step, "b");
  await runs.cancel("ns", "t");
  await runs.save({ ...record, step: "c" });
  assert.equal(records.map.size, 0);
  await assert.rejects(runs.find("ns", "t"), (err) => isNotFound(err));
});
