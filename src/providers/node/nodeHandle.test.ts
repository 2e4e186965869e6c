import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type TestAccount, testAccountFromMnemonic } from "../../chain/testAccount.js";
import { FailedError } from "../../errors/failed.js";
import { fakeEndpoint } from "../../readiness/fakeEndpoint.fixture.js";
import { fakeCheckpoints } from "./fakeCheckpoints.fixture.js";
import { NetworkHandle } from "./networkHandle.js";
import { NodeHandle } from "./nodeHandle.js";
import type { NodeFacts, NodeFaults, NodeOps } from "./nodeOps.js";

interface FakeNetwork {
  nodes: NodeFacts[];
}

/** The views the fake ops read; `crashLog` is what a dead node left (default "panic: boom"). */
interface FakeViews {
  node: NodeFacts;
  network: FakeNetwork;
  crashLog?: string;
}

const node = (over: Partial<NodeFacts> = {}): NodeFacts => ({
  name: "n-0",
  namespace: "default",
  network: "n",
  networkNamespace: "default",
  role: "validator",
  alive: true,
  phase: "Running",
  reason: undefined,
  exitCode: undefined,
  endpoints: { evmRpc: "http://127.0.0.1:1", tendermintRpc: "http://127.0.0.1:2" },
  ...over,
});

function fakeOps(
  views: FakeViews,
  faults?: NodeFaults<NodeFacts>,
  testAccount?: TestAccount,
): NodeOps<FakeNetwork, NodeFacts> & { calls: string[] } {
  const calls: string[] = [];
  const keyring = new Set<string>();
  return {
    calls,
    probeRequestMs: 10,
    faults,
    checkpoints: fakeCheckpoints([]),
    viewNode: async () => views.node,
    viewNetwork: async () => views.network,
    deleteNode: async (ns, name) => void calls.push(`deleteNode ${ns}/${name}`),
    deleteNetwork: async (ns, name) => void calls.push(`deleteNetwork ${ns}/${name}`),
    nodeFacts: (v) => v,
    networkFacts: (v) => {
      const down = v.nodes.filter((n) => !n.alive);
      return {
        name: "n",
        namespace: "default",
        chainId: "n",
        validators: ["n-0"],
        testAccount,
        testAccountCount: 0,
        nodes: v.nodes,
        phase: down.length === 0 ? "Ready" : "Failed",
        reason: down.length === 0 ? undefined : "n-0 died",
      };
    },
    nodeObject: (v) => ({ raw: v.name }),
    networkObject: () => ({ raw: "n" }),
    logs: async function* () {
      yield "a line";
    },
    crashLog: async () => views.crashLog ?? "panic: boom",
    // A keyring of names: `keys show` fails until `keys add` put the name there.
    seidCommand: (v) => async (args, options) => {
      calls.push(`seid@${v.name} ${args.join(" ")}${options.input ? " <input>" : ""}`);
      const [group, verb, name] = args;
      if (group === "keys" && verb === "show") return result(keyring.has(name as string) ? 0 : 1);
      if (group === "keys" && verb === "add") {
        keyring.add(name as string);
        return result(0, JSON.stringify({ address: testAccount?.seiAddress }));
      }
      return result(7, "out");
    },
  };
}

const result = (exitCode: number, stdout = "") => ({ exitCode, stdout, stderr: "" });

/** The four base fault verbs of an adapter, each recording `verb node` when called. */
function recordingFaults() {
  const done: string[] = [];
  const record = (verb: string) => async (v: NodeFacts) => void done.push(`${verb} ${v.name}`);
  const faults = {
    pause: record("pause"),
    unpause: record("unpause"),
    disconnect: record("disconnect"),
    reconnect: record("reconnect"),
  };
  return { done, faults, record };
}

describe("NodeHandle", () => {
  test("default: facts, endpoints, object and logs come from the mode's adapter", async () => {
    const ops = fakeOps({ node: node(), network: { nodes: [node()] } });
    const handle = new NodeHandle(ops, node());
    assert.equal(handle.role, "validator");
    assert.equal(handle.evmRpc, "http://127.0.0.1:1");
    assert.deepEqual(handle.object(), { raw: "n-0" });
    const lines: string[] = [];
    for await (const line of handle.logs()) lines.push(line);
    assert.deepEqual(lines, ["a line"]);
    await handle.delete();
    assert.deepEqual(ops.calls, ["deleteNode default/n-0"]);
  });

  test("behavior: fault verbs exist only where the adapter makes them real", async () => {
    assert.equal(new NodeHandle(fakeOps({ node: node(), network: { nodes: [] } }), node()).pause, undefined);
    const { done, faults } = recordingFaults();
    const handle = new NodeHandle(fakeOps({ node: node(), network: { nodes: [] } }, faults), node());
    await handle.pause?.();
    await handle.reconnect?.();
    assert.deepEqual(done, ["pause n-0", "reconnect n-0"]);
    await assert.rejects(handle.unpause?.({ signal: AbortSignal.abort() }) ?? Promise.resolve(), /unpausing/);
  });

  test("behavior: kill and restart exist only where the adapter offers them, written once over it", async () => {
    const { done, faults: base, record } = recordingFaults();
    const without = new NodeHandle(fakeOps({ node: node(), network: { nodes: [] } }, base), node());
    assert.equal(without.kill, undefined);
    assert.equal(without.restart, undefined);
    const faults = { ...base, kill: record("kill"), restart: record("restart") };
    const handle = new NodeHandle(fakeOps({ node: node(), network: { nodes: [] } }, faults), node());
    await handle.kill?.();
    await handle.restart?.();
    assert.deepEqual(done, ["kill n-0", "restart n-0"]);
    await assert.rejects(
      handle.kill?.({ signal: AbortSignal.abort() }) ?? Promise.resolve(),
      /killing node "n-0"/,
    );
  });

  test("error: waitReady on a Failed node rejects at once with its exit code and crash log", async () => {
    const dead = node({
      alive: false,
      phase: "Failed",
      reason: "exited with code 2",
      exitCode: 2,
      endpoints: {},
    });
    const handle = new NodeHandle(fakeOps({ node: dead, network: { nodes: [dead] } }), dead);
    await assert.rejects(handle.waitReady({ signal: AbortSignal.timeout(5_000) }), (err: unknown) => {
      assert.ok(err instanceof FailedError);
      assert.equal(err.exitCode, 2);
      assert.equal(err.logTail, "panic: boom");
      assert.equal(err.resource, "node/n-0");
      return true;
    });
  });
});

describe("NetworkHandle", () => {
  test("default: the network serves through its first running validator", () => {
    const handle = new NetworkHandle(fakeOps({ node: node(), network: { nodes: [node()] } }), {
      nodes: [node()],
    });
    assert.equal(handle.tendermintRpc, "http://127.0.0.1:2");
    assert.deepEqual(handle.validators, ["n-0"]);
    assert.equal(handle.testAccount, undefined);
  });

  test("error: waitReady on a Failed network carries the first dead node's crash log", async () => {
    const dead = node({ alive: false, phase: "Failed", exitCode: 137, endpoints: {} });
    const network = { nodes: [dead] };
    const handle = new NetworkHandle(fakeOps({ node: dead, network }), network);
    assert.equal(handle.tendermintRpc, undefined);
    await assert.rejects(handle.waitReady({ signal: AbortSignal.timeout(5_000) }), (err: unknown) => {
      assert.ok(err instanceof FailedError);
      assert.equal(err.reason, "n-0 died");
      assert.equal(err.exitCode, 137);
      assert.equal(err.logTail, "panic: boom");
      return true;
    });
  });
});

describe("waitReady after seid's start-up race", () => {
  const RACE = [
    "panic: runtime error: invalid memory address or nil pointer dereference",
    "[signal SIGSEGV: segmentation violation code=0x1 addr=0x20 pc=0x2570232]",
    "",
    "goroutine 234 [running]:",
    "github.com/sei-protocol/sei-chain/sei-tendermint/internal/consensus/types.(*HeightVoteSet).Precommits(0x0, 0x0)",
  ].join("\n");
  const died = () => node({ alive: false, phase: "Failed", exitCode: 2, endpoints: {} });
  /** Faults whose only real verb is restart. */
  const restartOnly = (restart: (v: NodeFacts) => Promise<void>): NodeFaults<NodeFacts> => ({
    pause: async () => {},
    unpause: async () => {},
    disconnect: async () => {},
    reconnect: async () => {},
    restart,
  });

  test("behavior: a node that died of it is started again once, and the wait goes on to Ready", async (t) => {
    const fake = await fakeEndpoint(t, () => ({
      json: { sync_info: { latest_block_height: "3", earliest_block_height: "1", catching_up: false } },
    }));
    const views: FakeViews = { node: died(), network: { nodes: [died()] }, crashLog: RACE };
    const restarts: string[] = [];
    const faults = restartOnly(async (v) => {
      restarts.push(v.name);
      views.network = { nodes: [node({ endpoints: { tendermintRpc: fake.base } })] };
    });
    const handle = new NetworkHandle(fakeOps(views, faults), views.network);
    await handle.waitReady({ signal: AbortSignal.timeout(5_000) });
    assert.deepEqual(restarts, ["n-0"]);
  });

  test("error: a second death of it, or any other crash, fails the wait", async () => {
    const restarts: string[] = [];
    const faults = restartOnly(async (v) => void restarts.push(v.name));
    const again: FakeViews = { node: died(), network: { nodes: [died()] }, crashLog: RACE };
    await assert.rejects(
      new NetworkHandle(fakeOps(again, faults), again.network).waitReady({
        signal: AbortSignal.timeout(5_000),
      }),
      (err: unknown) => err instanceof FailedError && err.logTail === RACE,
    );
    assert.deepEqual(restarts, ["n-0"], "started again once, not twice");
    const other: FakeViews = { node: died(), network: { nodes: [died()] } };
    await assert.rejects(
      new NodeHandle(fakeOps(other, faults), other.node).waitReady({ signal: AbortSignal.timeout(5_000) }),
      (err: unknown) => err instanceof FailedError && err.logTail === "panic: boom",
    );
    assert.deepEqual(restarts, ["n-0"], "another crash is not restarted");
  });
});

describe("NodeHandle.seid", () => {
  const account = testAccountFromMnemonic("test test test test test test test test test test test junk");

  test("behavior: the test account is recovered into the keyring once, then seid runs; its exit code is returned", async () => {
    const ops = fakeOps({ node: node(), network: { nodes: [] } }, undefined, account);
    const handle = new NodeHandle(ops, node());
    const first = await handle.seid(["q", "bank", "balances", account.seiAddress]);
    assert.deepEqual(first, { exitCode: 7, stdout: "out", stderr: "" });
    await handle.seid(["status"]);
    assert.deepEqual(ops.calls, [
      "seid@n-0 keys show test-account -a --keyring-backend test",
      "seid@n-0 keys add test-account --recover --hd-path m/44'/60'/0'/0/0 --keyring-backend test --output json <input>",
      `seid@n-0 q bank balances ${account.seiAddress}`,
      "seid@n-0 keys show test-account -a --keyring-backend test",
      "seid@n-0 status",
    ]);
  });

  test("behavior: a network without a mnemonic (older seinet) runs seid untouched", async () => {
    const { mnemonic, hdPath, ...keyOnly } = account;
    const ops = fakeOps({ node: node(), network: { nodes: [] } }, undefined, keyOnly);
    await new NodeHandle(ops, node()).seid(["status"]);
    assert.deepEqual(ops.calls, ["seid@n-0 status"]);
  });

  test("error: an aborted signal runs nothing", async () => {
    const ops = fakeOps({ node: node(), network: { nodes: [] } }, undefined, account);
    await assert.rejects(
      new NodeHandle(ops, node()).seid(["status"], { signal: AbortSignal.abort() }),
      (err: Error) => err.name === "CanceledError",
    );
    assert.deepEqual(ops.calls, []);
  });
});
