// State sync in the local mode on real seid: a network that takes snapshots,
// a follower that bootstraps from one instead of replaying blocks, a StateSync
// workflow that re-bootstraps a block-synced follower, and the inputs refused
// before anything is touched.
import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import {
  type Client,
  FailedError,
  type Node,
  UsageError,
  earliestHeight,
  isNotFound,
  isTimeout,
  latestHeight,
  open,
  waitCaughtUp,
  waitHeightAdvances,
} from "../../src/index.js";
import { deleteAllAndCheck } from "./leftovers.js";
import { testSeid } from "./seid.js";

const NET = "snap";
const ready = () => ({ signal: AbortSignal.timeout(120_000) });
let stateDir: string;
let client: Client;

before(async () => {
  await testSeid();
  stateDir = await mkdtemp(join(tmpdir(), "seinet-statesync-"));
  client = await open("local", { stateDir });
});

after(() => deleteAllAndCheck(client, stateDir));

/** `host:port` of a node's Tendermint RPC, as state sync's `rpcServers` take it. */
function bare(node: Node): string {
  return new URL(node.tendermintRpc!).host;
}

/** The node serves, is caught up, has no block below its snapshot, and follows the chain. */
async function assertStateSynced(node: Node, chainTip: () => Promise<number>): Promise<number> {
  const status = await waitCaughtUp(node.tendermintRpc!, ready());
  assert.equal(status.catchingUp, false);
  const earliest = await earliestHeight(node.tendermintRpc!);
  assert.ok(earliest > 1, `earliest height ${earliest} > 1: restored from a snapshot, not replayed`);
  const { start, height } = await waitHeightAdvances(node.tendermintRpc!, 3, ready());
  assert.ok(height >= start + 3);
  // Keeps up: within a few blocks of the validator.
  assert.ok((await chainTip()) - (await latestHeight(node.tendermintRpc!)) < 30);
  return earliest;
}

describe("local: state sync on real seid", () => {
  let validator: Node;
  let blockSynced: Node;
  let stateSynced: Node;
  const tip = () => latestHeight(validator.tendermintRpc!);

  test("default: a follower state-syncs from the network's snapshot and keeps up", async () => {
    // Snapshots every 20 blocks, the last 5 kept: at ~7 blocks/s one lives
    // ~15 s, longer than discovery (5 s) plus the chunk fetch.
    const net = await client.createNetwork({
      name: NET,
      validators: 1,
      snapshots: { interval: 20, keepRecent: 5 },
    });
    await net.waitReady(ready());
    validator = await client.getNode(`${NET}-0`);

    let t = Date.now();
    blockSynced = await client.createNode({ name: "by-blocks", network: NET });
    await blockSynced.waitReady(ready());
    await waitCaughtUp(blockSynced.tendermintRpc!, ready());
    const blockSyncMs = Date.now() - t;
    assert.equal(await earliestHeight(blockSynced.tendermintRpc!), 1, "block sync starts at genesis");

    t = Date.now();
    stateSynced = await client.createNode({
      name: "by-snapshot",
      network: NET,
      stateSync: { rpcServers: [bare(validator), bare(blockSynced)] },
    });
    assert.equal(stateSynced.phase, "Initializing", "restoring a snapshot is not Running yet");
    await stateSynced.waitReady(ready());
    assert.equal(stateSynced.phase, "Running");
    const earliest = await assertStateSynced(stateSynced, tip);
    const stateSyncMs = Date.now() - t;
    const { stateSync } = stateSynced.object() as { stateSync: { trustHeight: number; trustHash: string } };
    assert.ok(stateSync.trustHeight >= 20 && stateSync.trustHeight % 20 === 0, "trusts a snapshot height");
    assert.match(stateSync.trustHash, /^[0-9A-F]{64}$/);
    console.log(
      `# block sync ${blockSyncMs} ms; state sync ${stateSyncMs} ms (earliest height ${earliest}, trust height ${stateSync.trustHeight})`,
    );
  });

  test("behavior: a StateSync workflow re-bootstraps a block-synced follower and ends Complete", async () => {
    assert.ok(blockSynced && stateSynced, "needs the followers of the first test");
    const t = Date.now();
    const workflow = await client.createWorkflow({
      name: "resync",
      node: blockSynced.name,
      kind: "StateSync",
      stateSync: { rpcServers: [bare(validator), bare(stateSynced)] },
    });
    assert.equal(workflow.kind, "StateSync");
    assert.ok(workflow.phase === "Pending" || workflow.phase === "Running");
    // Read back from another client: the record is on disk.
    const other = await open("local", { stateDir });
    try {
      const seen = await other.getWorkflow("resync");
      assert.ok(["Pending", "Running", "Complete"].includes(seen.phase ?? ""));
    } finally {
      await other.close();
    }
    await workflow.wait({ signal: AbortSignal.timeout(180_000) });
    assert.equal(workflow.phase, "Complete");
    const outputs = (workflow.object() as { outputs: { earliestHeight: number; trustHeight: number } })
      .outputs;
    assert.ok(outputs.earliestHeight > 1);
    await blockSynced.refresh();
    assert.equal(blockSynced.phase, "Running");
    await assertStateSynced(blockSynced, tip);
    console.log(`# StateSync workflow ${Date.now() - t} ms (earliest height ${outputs.earliestHeight})`);
    await workflow.delete();
    await workflow.delete();
    await assert.rejects(client.getWorkflow("resync"), isNotFound);
  });

  test("error: a workflow on a validator, an unknown node, or with one server is refused untouched", async () => {
    assert.ok(validator, "needs the network of the first test");
    const spec = {
      kind: "StateSync" as const,
      stateSync: { rpcServers: [bare(validator), bare(stateSynced)] },
    };
    const height = await tip();
    await assert.rejects(
      client.createWorkflow({ ...spec, name: "wf-validator", node: `${NET}-0` }),
      (err) => {
        assert.ok(err instanceof UsageError);
        assert.match(err.message, /validator .*re-bootstraps a follower/);
        return true;
      },
    );
    await assert.rejects(
      client.createWorkflow({ ...spec, name: "wf-sentry", node: `${NET}-sentry` }),
      (err) => err instanceof UsageError,
    );
    await assert.rejects(client.createWorkflow({ ...spec, name: "wf-ghost", node: "ghost" }), isNotFound);
    await assert.rejects(client.createWorkflow({ ...spec, name: "wf-self", node: "by-snapshot" }), (err) => {
      assert.ok(err instanceof UsageError);
      assert.match(err.message, /the RPC of node "by-snapshot" itself/);
      return true;
    });
    await assert.rejects(
      client.createWorkflow({
        ...spec,
        name: "wf-one",
        node: "by-snapshot",
        stateSync: { rpcServers: [bare(validator)] },
      }),
      (err) => err instanceof UsageError,
    );
    await assert.rejects(
      client.createWorkflow({
        ...spec,
        name: "wf-giga",
        node: "by-snapshot",
        stateSync: { ...spec.stateSync, migration: { kind: "GigaStore" } },
      }),
      (err) => err instanceof UsageError,
    );
    for (const name of ["wf-validator", "wf-sentry", "wf-ghost", "wf-self", "wf-one", "wf-giga"])
      await assert.rejects(client.getWorkflow(name), isNotFound);
    // The validator was never stopped: the chain went on.
    await validator.refresh();
    assert.equal(validator.phase, "Running");
    await waitHeightAdvances(validator.tendermintRpc!, 1, ready());
    assert.ok((await tip()) > height);
  });

  test("error: state sync from a network that takes no snapshots is a UsageError, no node made", async () => {
    const plain = await client.createNetwork({ name: "plain", validators: 1 });
    await plain.waitReady(ready());
    const v = await client.getNode("plain-0");
    const s = await client.getNode("plain-sentry");
    const t = Date.now();
    await assert.rejects(
      client.createNode({
        name: "plain-ss",
        network: "plain",
        stateSync: { rpcServers: [bare(v), bare(s)] },
      }),
      (err) => {
        assert.ok(err instanceof UsageError);
        assert.match(err.message, /takes no state-sync snapshots/);
        return true;
      },
    );
    assert.ok(Date.now() - t < 5_000, "refused at once, no wait");
    await assert.rejects(client.getNode("plain-ss"), isNotFound);
    await plain.delete({ cascade: true });
  });

  test("error: waiting for a first snapshot is bounded by the caller's signal, and leaves no node", async () => {
    // Snapshots every million blocks: none exists for days, so createNode
    // waits for one (up to 5 min by itself) until the caller's deadline.
    const rare = await client.createNetwork({
      name: "rare",
      validators: 1,
      snapshots: { interval: 1_000_000 },
    });
    await rare.waitReady(ready());
    const v = await client.getNode("rare-0");
    const s = await client.getNode("rare-sentry");
    const t = Date.now();
    const err = await client
      .createNode(
        { name: "rare-ss", network: "rare", stateSync: { rpcServers: [bare(v), bare(s)] } },
        { signal: AbortSignal.timeout(3_000) },
      )
      .catch((e: unknown) => e);
    assert.ok(isTimeout(err), `a TimeoutError, got ${String(err)}`);
    assert.ok(Date.now() - t < 15_000, "gave up at the deadline");
    await assert.rejects(client.getNode("rare-ss"), isNotFound);
    await rare.delete({ cascade: true });
  });

  test("error: a state-syncing follower whose witnesses lack the trusted block fails clearly", async () => {
    assert.ok(validator, "needs the network of the first test");
    // Witnesses on closed ports: no trusted block can be read, so the node is
    // never started and its record is removed.
    await assert.rejects(
      client.createNode({
        name: "no-witness",
        network: NET,
        stateSync: { rpcServers: ["127.0.0.1:1", "127.0.0.1:2"] },
      }),
      (err) => {
        assert.ok(err instanceof FailedError);
        assert.match(err.message, /No state-sync witness gave the block/);
        assert.match(err.reason ?? "", /127\.0\.0\.1:1/);
        return true;
      },
    );
    await assert.rejects(client.getNode("no-witness"), isNotFound);
  });
});
