import { SIGN_STATE_FILE } from "../../chain/signState.js";
import type { Checkpoint } from "../../client/checkpoint.js";
import { ConflictError } from "../../errors/conflict.js";
import type { CheckpointMember, CheckpointOps } from "./checkpointOps.js";

/** In-memory checkpoints over a fake network: what each step did, and a step to fail. */
export interface FakeCheckpoints<N> extends CheckpointOps<N> {
  calls: string[];
  saved: Map<string, Checkpoint>;
  running: Set<string>;
  failed: string | undefined;
  failAt: "save" | "load" | "start" | undefined;
  busyWith: string | undefined;
  /** The sign step a validator shows at the given freeze (1-based); a precommit (3) unless set. */
  signStep: (name: string, freeze: number) => number;
  /** Whether the given freeze (1-based) gets every node still; true unless set. */
  still: (freeze: number) => boolean;
  freezes: number;
}

/** Fake checkpoints of a network whose nodes are `members`, all running. */
export function fakeCheckpoints<N>(members: CheckpointMember[]): FakeCheckpoints<N> {
  let locked = false;
  const fake: FakeCheckpoints<N> = {
    calls: [],
    saved: new Map(),
    running: new Set(members.map((m) => m.name)),
    failed: undefined,
    failAt: undefined,
    busyWith: undefined,
    signStep: () => 3,
    still: () => true,
    freezes: 0,
    async exclusive(_network, fn) {
      if (locked) throw new ConflictError("A checkpoint or restore is already under way.");
      locked = true;
      try {
        return await fn();
      } finally {
        locked = false;
      }
    },
    busy: async () => fake.busyWith,
    members: async () => members,
    async stop(ms) {
      fake.calls.push(`stop ${ms.map((m) => m.name).join(",")}`);
      for (const m of ms) fake.running.delete(m.name);
    },
    async freeze(ms) {
      fake.freezes++;
      fake.calls.push(`freeze ${ms.map((m) => m.name).join(",")}`);
      return fake.still(fake.freezes);
    },
    async thaw(ms) {
      fake.calls.push(`thaw ${ms.map((m) => m.name).join(",")}`);
    },
    readHomeFile: async (m, rel) =>
      rel === SIGN_STATE_FILE
        ? JSON.stringify({ height: "7", round: 0, step: fake.signStep(m.name, fake.freezes) })
        : undefined,
    async kill(ms) {
      fake.calls.push(`kill ${ms.map((m) => m.name).join(",")}`);
      for (const m of ms) fake.running.delete(m.name);
    },
    async start(ms) {
      fake.calls.push(`start ${ms.map((m) => m.name).join(",")}`);
      if (fake.failAt === "start") throw new Error("start failed");
      for (const m of ms) fake.running.add(m.name);
    },
    async save(_network, record) {
      fake.calls.push(`save ${record.name}`);
      fake.saved.set(`${record.name}.partial`, record);
      if (fake.failAt === "save") throw new Error("disk full");
      return 1234;
    },
    async load(_network, record) {
      fake.calls.push(`load ${record.name}`);
      if (fake.failAt === "load") throw new Error("disk full");
    },
    write: async (_network, record) => {
      fake.saved.delete(`${record.name}.partial`);
      fake.saved.set(record.name, record);
    },
    read: async (_network, name) => fake.saved.get(name),
    list: async () => [...fake.saved.values()],
    remove: async (_network, name) => {
      fake.calls.push(`remove ${name}`);
      fake.saved.delete(name);
      fake.saved.delete(`${name}.partial`);
    },
    markFailed: async (_network, reason) => {
      fake.failed = reason;
    },
  };
  return fake;
}
