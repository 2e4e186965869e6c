import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { FailedError } from "../../errors/failed.js";
import type { NetworkRecord, NodeRecord, RecordState } from "./records.js";
import { StateStore } from "./store.js";
import { type NodeView, failure, networkPhase, viewNode } from "./views.js";

function nodeRecord(
  name: string,
  role: NodeRecord["role"] = "validator",
  state: RecordState = "started",
): NodeRecord {
  return {
    kind: "node",
    name,
    namespace: "default",
    network: "net",
    networkNamespace: "default",
    role,
    seid: { path: "/bin/seid" },
    ports: { p2p: 21000, rpc: 21001, rest: 21002, evmHttp: 21003, evmWs: 21004, grpc: 21005, grpcWeb: 21006 },
    nodeId: "ab".repeat(20),
    host: "127.0.0.1",
    home: `/state/${name}/home`,
    logFile: `/state/${name}/seid.log`,
    labels: {},
    createdAt: "2024-01-01T00:00:00.000Z",
    state,
  };
}

function networkRecord(state: RecordState = "started"): NetworkRecord {
  return {
    kind: "network",
    name: "net",
    namespace: "default",
    chainId: "net",
    validators: [],
    seid: { path: "/bin/seid" },
    testAccount: { privateKey: "0x01", evmAddress: "0x02", seiAddress: "sei1x" },
    labels: {},
    createdAt: "2024-01-01T00:00:00.000Z",
    state,
  };
}

function view(name: string, alive: boolean, role: NodeRecord["role"] = "validator"): NodeView {
  return {
    record: nodeRecord(name, role),
    proc: { pgid: 1, pid: 2, startedAt: "" },
    alive,
    exitCode: alive ? undefined : 1,
    phase: alive ? "Running" : "Failed",
    reason: alive ? undefined : "seid (pid 2) exited with code 1",
    halt: undefined,
  };
}

const validators = (aliveFlags: boolean[]) => aliveFlags.map((alive, i) => view(`net-${i}`, alive));

describe("networkPhase", () => {
  test("default: every node alive is Ready", () => {
    assert.deepEqual(networkPhase(networkRecord(), validators([true, true, true, true])), { phase: "Ready" });
    assert.deepEqual(
      networkPhase(networkRecord(), [view("net-0", true), view("net-sentry", true, "sentry")]),
      {
        phase: "Ready",
      },
    );
  });

  test("behavior: 1 of 4 validators dead is Degraded (3/4 > 2/3 of the power)", () => {
    const result = networkPhase(networkRecord(), validators([true, false, true, true]));
    assert.equal(result.phase, "Degraded");
    assert.equal(result.reason, "net-1: seid (pid 2) exited with code 1");
  });

  test("behavior: 2 of 4 validators dead is Failed, naming both", () => {
    const result = networkPhase(networkRecord(), validators([false, true, false, true]));
    assert.equal(result.phase, "Failed");
    assert.equal(
      result.reason,
      "net-0: seid (pid 2) exited with code 1; net-2: seid (pid 2) exited with code 1",
    );
  });

  test("behavior: 1 of 3 dead is Failed (exactly 2/3 is not more than 2/3)", () => {
    assert.equal(networkPhase(networkRecord(), validators([true, true, false])).phase, "Failed");
  });

  test("behavior: a lone validator dead is Failed, even with its sentry alive", () => {
    assert.equal(networkPhase(networkRecord(), validators([false])).phase, "Failed");
    const withSentry = [view("net-0", false), view("net-sentry", true, "sentry")];
    assert.equal(networkPhase(networkRecord(), withSentry).phase, "Failed");
  });

  test("behavior: a dead sentry degrades a lone validator's network", () => {
    const result = networkPhase(networkRecord(), [view("net-0", true), view("net-sentry", false, "sentry")]);
    assert.equal(result.phase, "Degraded");
    assert.match(result.reason ?? "", /^net-sentry: /);
  });

  test("behavior: an initializing or terminating record wins over the processes", () => {
    for (const nodes of [validators([true]), validators([false, false]), []]) {
      assert.deepEqual(networkPhase(networkRecord("initializing"), nodes), { phase: "Initializing" });
      assert.deepEqual(networkPhase(networkRecord("terminating"), nodes), { phase: "Terminating" });
    }
  });
});

describe("viewNode", () => {
  let store: StateStore;
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), "seinet-views-"));
    store = new StateStore(root);
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** The pid of a process that has exited and been reaped. */
  async function deadPid(): Promise<number> {
    const child = spawn("true");
    await new Promise((resolve) => child.once("exit", resolve));
    assert.ok(child.pid);
    return child.pid;
  }

  async function ownProcessGroup(): Promise<number> {
    const text = await readFile("/proc/self/stat", "utf8");
    return Number(text.slice(text.lastIndexOf(")") + 2).split(" ")[2]);
  }

  test("default: a live process in its recorded group is Running", async () => {
    const record = nodeRecord("live");
    await store.writeNode(record);
    await store.writeProc("default", "live", {
      pgid: await ownProcessGroup(),
      pid: process.pid,
      startedAt: "",
    });
    const v = await viewNode(store, record);
    assert.equal(v.phase, "Running");
    assert.equal(v.alive, true);
    assert.equal(v.reason, undefined);
    assert.equal(v.exitCode, undefined);
  });

  test("behavior: a live pid in another process group is a reused pid, not seid", async () => {
    const record = nodeRecord("reused");
    await store.writeNode(record);
    await store.writeProc("default", "reused", {
      pgid: (await ownProcessGroup()) + 1,
      pid: process.pid,
      startedAt: "",
    });
    const v = await viewNode(store, record);
    assert.equal(v.alive, false);
    assert.equal(v.phase, "Failed");
  });

  test("behavior: never started is Failed and says so", async () => {
    const record = nodeRecord("never");
    await store.writeNode(record);
    const v = await viewNode(store, record);
    assert.equal(v.phase, "Failed");
    assert.equal(v.proc, undefined);
    assert.equal(v.reason, "seid was never started");
  });

  test("behavior: the reason names the exit code, the signal, or the missing exit file", async () => {
    for (const [name, exit, reason] of [
      ["exited", "3\n", "exited with code 3"],
      ["killed", "137\n", "was killed by signal 9"],
      ["vanished", undefined, "is not running and left no exit code (killed with its wrapper)"],
    ] as const) {
      const record = nodeRecord(name);
      await store.writeNode(record);
      const pid = await deadPid();
      await store.writeProc("default", name, { pgid: pid, pid, startedAt: "" });
      if (exit) await writeFile(store.nodePaths("default", name).exit, exit);
      const v = await viewNode(store, record);
      assert.equal(v.phase, "Failed", name);
      assert.equal(v.alive, false, name);
      assert.equal(v.exitCode, exit ? Number.parseInt(exit, 10) : undefined, name);
      assert.equal(v.reason, `seid (pid ${pid}) ${reason}`, name);
    }
  });

  test("behavior: initializing and terminating records keep their phase", async () => {
    for (const state of ["initializing", "terminating"] as const) {
      const record = nodeRecord(`n-${state}`, "validator", state);
      await store.writeNode(record);
      const v = await viewNode(store, record);
      assert.equal(v.phase, state === "initializing" ? "Initializing" : "Terminating");
      assert.equal(v.reason, undefined);
    }
  });

  test("behavior: failure() carries the dead node's exit code and log tail", async () => {
    const record = nodeRecord("crashed");
    await store.writeNode(record);
    const pid = await deadPid();
    await store.writeProc("default", "crashed", { pgid: pid, pid, startedAt: "" });
    await writeFile(store.nodePaths("default", "crashed").exit, "2\n");
    await writeFile(store.nodePaths("default", "crashed").log, "starting\npanic: bad genesis\n");
    const dead = await viewNode(store, record);
    const err = await failure("network", "net", "Failed", "crashed: boom", dead, store);
    assert.ok(err instanceof FailedError);
    assert.equal(err.shortMessage, 'Network "net" is Failed.');
    assert.equal(err.resource, "network/net");
    assert.equal(err.exitCode, 2);
    assert.equal(err.logTail, "starting\npanic: bad genesis");
    assert.equal(err.reason, "crashed: boom");

    const noNode = await failure("node", "n", "Failed", undefined, undefined, store);
    assert.equal(noNode.shortMessage, 'Node "n" is Failed.');
    assert.equal(noNode.logTail, undefined);
    assert.equal(noNode.exitCode, undefined);
  });
});

describe("networkPhase at an upgrade", () => {
  test("behavior: all dead nodes halted for an upgrade pause the network", () => {
    const halted = {
      ...view("net-0", false),
      phase: "Halted" as const,
      halt: { upgrade: "v6.6", height: 9 },
    };
    assert.equal(networkPhase(networkRecord("started"), [halted]).phase, "Paused");
  });
});
