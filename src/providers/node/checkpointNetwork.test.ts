import assert from "node:assert/strict";
import { type TestContext, describe, test } from "node:test";
import { ConflictError } from "../../errors/conflict.js";
import { FailedError } from "../../errors/failed.js";
import { NotFoundError } from "../../errors/notFound.js";
import { UsageError } from "../../errors/usage.js";
import { fakeEndpoint, statusBody } from "../../readiness/fakeEndpoint.fixture.js";
import { checkpointNetwork } from "./checkpointNetwork.js";
import type { CheckpointMember } from "./checkpointOps.js";
import { type FakeCheckpoints, fakeCheckpoints } from "./fakeCheckpoints.fixture.js";
import type { NetworkAt } from "./networkAt.js";
import { restoreNetwork } from "./restoreNetwork.js";

const members: CheckpointMember[] = [
  { name: "n-0", namespace: "default", role: "validator", seid: "v6.6.2", tendermintRpc: undefined },
  { name: "n-sentry", namespace: "default", role: "sentry", seid: "v6.6.2", tendermintRpc: undefined },
];

function network(): { ops: FakeCheckpoints<null>; at: NetworkAt<null>; waits: number[] } {
  const waits: number[] = [];
  const ops = fakeCheckpoints<null>(members);
  const at: NetworkAt<null> = {
    view: null,
    name: "n",
    namespace: "default",
    phase: "Ready",
    tendermintRpc: undefined,
    waitReady: async () => void waits.push(Date.now()),
  };
  return { ops, at, waits };
}

describe("checkpointNetwork", () => {
  test("default: stops every node, copies, writes the record, starts them, waits", async () => {
    const { ops, at, waits } = network();
    const record = await checkpointNetwork(ops, at, { name: "base" });
    assert.deepEqual(ops.calls, [
      "stop n-sentry",
      "freeze n-0",
      "kill n-0",
      "save base",
      "start n-0,n-sentry",
    ]);
    assert.equal(record.bytes, 1234);
    assert.deepEqual(record.nodes, ["n-0", "n-sentry"]);
    assert.deepEqual(record.seid, ["v6.6.2"]);
    assert.equal(record.safePoint, true);
    assert.deepEqual([...ops.saved.keys()], ["base"]);
    assert.equal(waits.length, 1);
  });

  test("behavior: a checkpoint whose validators found no safe point says so in its record", async () => {
    const { ops, at } = network();
    ops.signStep = () => 2; // a prevote for a height not known to be committed, every time
    const record = await checkpointNetwork(ops, at, { name: "unsafe" });
    assert.equal(record.safePoint, false);
    assert.equal((await ops.read(null, "unsafe"))?.safePoint, false, "the stored record too");
    assert.equal(ops.calls.at(-1), "start n-0,n-sentry");
  });

  test("args: no name gives a time-sortable default", async () => {
    const { ops, at } = network();
    const record = await checkpointNetwork(ops, at, {});
    assert.match(record.name, /^cp-\d{8}-\d{6}-\d{3}$/);
  });

  test("error: a bad name is a UsageError before anything stops", async () => {
    const { ops, at } = network();
    await assert.rejects(checkpointNetwork(ops, at, { name: "../x" }), UsageError);
    assert.deepEqual(ops.calls, []);
  });

  test("error: a network not Ready, a name taken, a task running: ConflictError, nothing stopped", async () => {
    const { ops, at } = network();
    await assert.rejects(checkpointNetwork(ops, { ...at, phase: "Degraded" }, { name: "a" }), ConflictError);
    await checkpointNetwork(ops, at, { name: "a" });
    ops.calls.length = 0;
    await assert.rejects(checkpointNetwork(ops, at, { name: "a" }), /already exists/);
    ops.busyWith = 'task "up" runs on node "n-0"';
    await assert.rejects(checkpointNetwork(ops, at, { name: "b" }), (e: unknown) => {
      assert.ok(e instanceof ConflictError);
      assert.match(e.message, /cannot be checkpointed now: task "up" runs on node "n-0"/);
      return true;
    });
    assert.deepEqual(ops.calls, []);
  });

  test("error: a failed copy removes the partial checkpoint and starts the network again", async () => {
    const { ops, at, waits } = network();
    ops.failAt = "save";
    await assert.rejects(checkpointNetwork(ops, at, { name: "base" }), /disk full/);
    assert.deepEqual(ops.calls, [
      "stop n-sentry",
      "freeze n-0",
      "kill n-0",
      "save base",
      "remove base",
      "start n-0,n-sentry",
    ]);
    assert.equal(ops.saved.size, 0);
    assert.deepEqual([...ops.running], ["n-0", "n-sentry"]);
    assert.equal(waits.length, 1, "waited for it to serve again");
  });

  test("error: a second checkpoint while one runs is a ConflictError", async () => {
    const { ops, at } = network();
    const results = await Promise.allSettled([
      checkpointNetwork(ops, at, { name: "a" }),
      checkpointNetwork(ops, at, { name: "b" }),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ["fulfilled", "rejected"],
    );
    assert.ok((results[1] as PromiseRejectedResult).reason instanceof ConflictError);
  });
});

describe("restoreNetwork", () => {
  test("default: stops, loads, clears a failure mark, starts, waits", async () => {
    const { ops, at, waits } = network();
    await checkpointNetwork(ops, at, { name: "base" });
    ops.calls.length = 0;
    ops.failed = "earlier";
    await restoreNetwork(ops, at, "base", {});
    assert.deepEqual(ops.calls, ["kill n-0,n-sentry", "load base", "start n-0,n-sentry"]);
    assert.equal(ops.failed, undefined);
    assert.equal(waits.length, 2);
  });

  test("error: an unknown checkpoint is a NotFoundError, nothing stopped", async () => {
    const { ops, at } = network();
    await assert.rejects(restoreNetwork(ops, at, "nope", {}), (e: unknown) => {
      assert.ok(e instanceof NotFoundError);
      assert.equal(e.kind, "checkpoint");
      return true;
    });
    assert.deepEqual(ops.calls, []);
  });

  test("error: a checkpoint of other nodes is a ConflictError naming them, nothing stopped", async () => {
    const { ops, at } = network();
    await checkpointNetwork(ops, at, { name: "base" });
    ops.calls.length = 0;
    const record = ops.saved.get("base");
    if (record) record.nodes = ["n-0"];
    await assert.rejects(restoreNetwork(ops, at, "base", {}), /Added since: n-sentry/);
    assert.deepEqual(ops.calls, []);
  });

  test("error: a failed load leaves the network Failed, stopped, the checkpoint intact, and says what next", async () => {
    const { ops, at } = network();
    await checkpointNetwork(ops, at, { name: "base" });
    ops.calls.length = 0;
    ops.failAt = "load";
    await assert.rejects(restoreNetwork(ops, at, "base", {}), (e: unknown) => {
      assert.ok(e instanceof FailedError);
      assert.equal(e.resource, "network/n");
      assert.match(e.message, /call restore\("base"\) again/);
      return true;
    });
    assert.deepEqual(ops.calls, ["kill n-0,n-sentry", "load base"]);
    assert.match(ops.failed ?? "", /restoring checkpoint "base" failed part-way: disk full/);
    assert.ok(ops.saved.has("base"), "checkpoint intact");
  });
});

/** A network of `members` plus a follower whose /status (a real local HTTP server) says it has caught up. */
async function withFollower(t: TestContext) {
  const status = await fakeEndpoint(t, () => ({ json: statusBody({ height: 9 }) }));
  const rpc: CheckpointMember = {
    name: "n-rpc",
    namespace: "default",
    role: "follower",
    seid: "v6.6.2",
    tendermintRpc: status.base,
  };
  const ops = fakeCheckpoints<null>([...members, rpc]);
  const at: NetworkAt<null> = {
    view: null,
    name: "n",
    namespace: "default",
    phase: "Ready",
    tendermintRpc: undefined,
    waitReady: async () => void ops.calls.push("ready"),
  };
  return { status, ops, at };
}

describe("startAndWait, with followers", () => {
  test("behavior: followers start once their peers listen, before the network's first block; then catch up", async (t) => {
    const { status, ops, at } = await withFollower(t);
    ops.waitListening = async (ms) => void ops.calls.push(`listening ${ms.map((m) => m.name).join(",")}`);
    await checkpointNetwork(ops, at, { name: "base" });
    assert.deepEqual(ops.calls, [
      "stop n-sentry,n-rpc",
      "freeze n-0",
      "kill n-0",
      "save base",
      "start n-0,n-sentry",
      "listening n-0,n-sentry",
      "start n-rpc",
      "ready",
    ]);
    assert.ok(
      status.requests.some((r) => r.path.startsWith("/status")),
      "the follower's catch-up is waited for",
    );
  });

  test("default: a mode that cannot tell when peers listen starts followers once the network is Ready", async (t) => {
    const { ops, at } = await withFollower(t);
    await checkpointNetwork(ops, at, { name: "base" });
    assert.deepEqual(ops.calls.slice(4), ["start n-0,n-sentry", "ready", "start n-rpc"]);
  });
});
