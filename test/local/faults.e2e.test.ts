// The local mode's failure paths on real seid: a process killed from outside,
// bad input, name conflicts, concurrent creators, idempotent deletes.
import assert from "node:assert/strict";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { type Client, ConflictError, FailedError, NotFoundError, UsageError, open } from "../../src/index.js";
import { assertNothingLeft, deleteAllAndCheck, nodeDirsUnder } from "./leftovers.js";
import { runTs } from "./process.js";
import { testSeid } from "./seid.js";

const ready = () => ({ signal: AbortSignal.timeout(120_000) });
let stateDir: string;
let client: Client;

before(async () => {
  await testSeid();
  stateDir = await mkdtemp(join(tmpdir(), "seinet-faults-"));
  client = await open("local", { stateDir });
});

after(() => deleteAllAndCheck(client, stateDir));

const pidOf = (handle: { object(): unknown }) => (handle.object() as { proc: { pid: number } }).proc.pid;

describe("local: faults", () => {
  test("error: a validator killed from outside rejects a pending waitReady promptly, with exit code and log tail", async () => {
    await using net = await client.createNetwork({ name: "fault-kill", validators: 1 });
    const validator = await client.getNode("fault-kill-0");
    const pending = net.waitReady(ready()).then(
      () => undefined,
      (e: unknown) => e,
    );
    // Kill it while the wait is still pending (seid takes a second or more to serve).
    process.kill(pidOf(validator), "SIGKILL");
    const started = Date.now();
    const err = await pending;
    // Either the kill landed before the first probe answered, or the wait had
    // already finished; only the first is this test's case, and it is the usual one.
    if (err === undefined) assert.fail("waitReady resolved although its only validator was killed");
    assert.ok(err instanceof FailedError, String(err));
    assert.ok(Date.now() - started < 10_000, "rejected within seconds, not at the deadline");
    assert.equal(err.resource, "network/fault-kill");
    assert.equal(err.phase, "Failed");
    assert.equal(err.exitCode, 137);
    assert.match(err.reason ?? "", /fault-kill-0: seid \(pid \d+\) was killed by signal 9/);
    assert.ok(err.logTail && err.logTail.length > 0, "carries the log tail");
    await validator.refresh();
    assert.equal(validator.phase, "Failed");
    assert.equal(validator.evmRpc, undefined, "a dead node publishes no endpoint");
    await net.delete();
  });

  test("error: a follower killed from outside fails its own waitReady", async () => {
    const net = await client.createNetwork({ name: "fault-follower", validators: 1 });
    await net.waitReady(ready());
    const node = await client.createNode({ name: "fault-follower-rpc", network: "fault-follower" });
    process.kill(pidOf(node), "SIGKILL");
    await assert.rejects(node.waitReady(ready()), (e: unknown) => {
      assert.ok(e instanceof FailedError);
      assert.equal(e.resource, "node/fault-follower-rpc");
      return true;
    });
    // The network says so when asked to go while a follower record remains.
    await assert.rejects(net.delete(), (e: unknown) => {
      assert.ok(e instanceof ConflictError);
      assert.match(e.message, /still has followers: default\/fault-follower-rpc/);
      return true;
    });
    await net.refresh();
    assert.equal(net.phase, "Ready", "a refused delete leaves the network as it was");
    await net.delete({ cascade: true });
    await assert.rejects(client.getNode("fault-follower-rpc"), NotFoundError);
  });

  test("error: bad input is refused and leaves no process, port or directory", async () => {
    await assert.rejects(client.createNetwork({ name: "bad-two", validators: 2 }), UsageError);
    await assert.rejects(
      client.createNetwork({ name: "bad-config", validators: 1, config: { "no.such.key": "1" } }),
      (e: unknown) => e instanceof UsageError && e.field === "config.no.such.key",
    );
    await assert.rejects(
      client.createNetwork({ name: "bad-value", validators: 1, config: { "p2p.pex": "maybe" } }),
      (e: unknown) => e instanceof UsageError && /takes "true" or "false"/.test(e.message),
    );
    await assert.rejects(client.createNode({ name: "orphan", network: "no-such-net" }), NotFoundError);
    await assert.rejects(client.getNetwork("bad-config"), NotFoundError);
    await assertNothingLeft(stateDir);
    assert.deepEqual(await readdir(join(stateDir, "default", "networks")).catch(() => []), []);
  });

  test("behavior: names conflict, stateSync is refused, delete is idempotent", async () => {
    const net = await client.createNetwork({ name: "dup", validators: 1 });
    await assert.rejects(client.createNetwork({ name: "dup", validators: 1 }), ConflictError);
    await net.waitReady(ready());
    await assert.rejects(
      client.createNode({
        name: "dup-ss",
        network: "dup",
        stateSync: { rpcServers: ["127.0.0.1:1", "127.0.0.1:2"] },
      }),
      (e: unknown) => e instanceof UsageError && e.field === "stateSync",
    );
    await assert.rejects(client.createNode({ name: "dup-0", network: "dup" }), ConflictError);
    const validator = await client.getNode("dup-0");
    await assert.rejects(validator.delete(), ConflictError, "validators go with their network");
    const other = await client.getNetwork("dup");
    await net.delete();
    await net.delete();
    await other.delete(); // deleted by another handle meanwhile: still success
    await assert.rejects(client.getNetwork("dup"), NotFoundError);
    assert.deepEqual(await nodeDirsUnder(stateDir), []);
  });

  test("concurrency: two networks from one process and two from two processes never collide", async () => {
    const [a, b] = await Promise.all([
      client.createNetwork({ name: "par-a", validators: 1 }),
      client.createNetwork({ name: "par-b", validators: 1 }),
    ]);
    const children = await Promise.all(
      ["proc-a", "proc-b"].map((name) => runTs("test/local/createNetwork.ts", [stateDir, name])),
    );
    for (const child of children) assert.equal(child.code, 0, child.stderr);
    await Promise.all([a.waitReady(ready()), b.waitReady(ready())]);
    const ports: number[] = [];
    for (const net of await client.listNetworks()) {
      assert.equal(net.phase, "Ready", net.name);
      for (const node of await client.listNodes({ network: net.name })) {
        ports.push(...Object.values((node.object() as { ports: Record<string, number> }).ports));
      }
    }
    assert.equal(ports.length, 4 * 2 * 7, "four networks of a validator and a sentry, seven ports each");
    assert.equal(new Set(ports).size, ports.length, "no port used twice");
    for (const net of await client.listNetworks()) await net.delete();
    await assertNothingLeft(stateDir, ports);
  });
});
