// The seinet CLI end to end against real seid processes: up, status, logs,
// down, and the failures a user meets (a name taken, 2 validators, Ctrl-C).
// No seid is a setup error (testSeid throws), never a skip.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { testSeid } from "../local/seid.js";
import { cli, cliEnv, networkFiles, nodeDirs, recordedPids, running, startCli } from "./cliProcess.js";

/** Sei's EVM chain id (713714). */
const SEI_EVM_CHAIN_ID = "0xae3f2";

interface NodeDoc {
  name: string;
  role: string;
  phase: string;
  pid: number | null;
  home: string | null;
  validator: { keyName: string; accountAddress: string; operatorAddress: string } | null;
  endpoints: { tendermintRpc: string; evmRpc: string; evmWs: string; rest: string };
}
interface NetworkDoc {
  schemaVersion: number;
  command: string;
  network: { name: string; phase: string; validators: number; followers: number; seidVersion: string };
  nodes: NodeDoc[];
  testAccount: {
    evmAddress: string;
    seiAddress: string;
    keyName: string;
    privateKey?: string;
    mnemonic?: string;
  };
  timings?: Record<string, number>;
}

let root = "";
let stateDir = "";
let env: NodeJS.ProcessEnv = {};
/** What `up` printed, for the later tests to compare with. */
let up: NetworkDoc | undefined;

async function rpc(url: string, method: string): Promise<unknown> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params: [] }),
    signal: AbortSignal.timeout(10_000),
  });
  return ((await res.json()) as { result?: unknown }).result;
}

async function allGone(pids: number[]): Promise<number[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const left: number[] = [];
    for (const pid of pids) if (await running(pid)) left.push(pid);
    if (left.length === 0 || Date.now() > deadline) return left;
    await delay(100);
  }
}

describe("seinet CLI against real seid", () => {
  before(async () => {
    await testSeid();
    root = await mkdtemp(join(tmpdir(), "seinet-cli-e2e-"));
    stateDir = join(root, "state");
    env = cliEnv(stateDir);
  });

  after(async () => {
    for (const dir of [stateDir, join(root, "sigint")]) {
      if (existsSync(dir)) await cli(["down", "--all"], cliEnv(dir), 60_000);
    }
    await rm(root, { recursive: true, force: true });
  });

  test("default: up --json --rpc-nodes 1 prints one document with serving endpoints", async () => {
    const run = await cli(
      ["up", "--json", "--rpc-nodes", "1", "--name", "e2e", "--timeout", "3m"],
      env,
      200_000,
    );
    assert.equal(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as NetworkDoc;
    up = doc;
    assert.equal(doc.schemaVersion, 1);
    assert.equal(doc.command, "up");
    assert.deepEqual(
      doc.nodes.map((n) => [n.name, n.role, n.phase]),
      [
        ["e2e-0", "validator", "Running"],
        ["e2e-sentry", "sentry", "Running"],
        ["e2e-rpc-0", "follower", "Running"],
      ],
    );
    assert.equal(doc.network.phase, "Ready");
    assert.equal(doc.network.followers, 1);
    assert.match(doc.network.seidVersion, /^v\d+\.\d+\.\d+/);
    assert.match(doc.testAccount.evmAddress, /^0x[0-9a-fA-F]{40}$/);
    assert.match(doc.testAccount.seiAddress, /^sei1/);
    assert.equal(doc.testAccount.privateKey, undefined);
    assert.deepEqual(Object.keys(doc.timings ?? {}), [
      "createNetwork",
      "networkReady",
      "createFollowers",
      "followersReady",
      "caughtUp",
      "total",
    ]);
    const follower = doc.nodes[2] as NodeDoc;
    assert.equal(await rpc(follower.endpoints.evmRpc, "eth_chainId"), SEI_EVM_CHAIN_ID);
  });

  test("behavior: status --json from another process agrees with up", async () => {
    assert.ok(up, "up must have run");
    const [run, ls] = await Promise.all([
      cli(["status", "e2e", "--json", "--show-key"], env),
      cli(["ls", "--json"], env),
    ]);
    assert.equal(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as NetworkDoc;
    assert.equal(doc.network.phase, "Ready");
    assert.deepEqual(
      doc.nodes.map((n) => [n.name, n.phase, n.endpoints]),
      up.nodes.map((n) => [n.name, "Running", n.endpoints]),
    );
    assert.deepEqual(
      doc.nodes.map((n) => n.pid),
      up.nodes.map((n) => n.pid),
    );
    assert.equal(doc.testAccount.evmAddress, up.testAccount.evmAddress);
    assert.match(doc.testAccount.privateKey ?? "", /^0x[0-9a-f]{64}$/);
    assert.equal(doc.testAccount.mnemonic?.split(" ").length, 12, "--show-key prints the mnemonic");
    assert.equal(doc.testAccount.keyName, "test-account");
    // Each validator's staking identity, read from the chain; every node's home.
    const validator = doc.nodes[0] as NodeDoc;
    assert.equal(validator.validator?.keyName, "e2e-0");
    assert.match(validator.validator?.operatorAddress ?? "", /^seivaloper1/);
    assert.match(validator.validator?.accountAddress ?? "", /^sei1/);
    assert.equal((doc.nodes[2] as NodeDoc).validator, null);
    for (const node of doc.nodes) assert.ok(node.home?.startsWith(stateDir), `${node.name}'s home`);
    assert.equal(ls.code, 0, ls.stderr);
    const list = JSON.parse(ls.stdout) as { networks: { name: string; phase: string; followers: number }[] };
    assert.deepEqual(
      list.networks.map((n) => [n.name, n.phase, n.followers]),
      [["e2e", "Ready", 1]],
    );
  });

  test("default: seid NODE -- ARGS runs against that node, its output and exit code passed through", async () => {
    assert.ok(up, "up must have run");
    const status = await cli(["seid", "e2e-rpc-0", "--", "status"], env);
    assert.equal(status.code, 0, status.stderr);
    assert.equal(
      (JSON.parse(status.stdout) as { NodeInfo: { moniker: string } }).NodeInfo.moniker,
      "e2e-rpc-0",
    );
    const balance = await cli(
      ["seid", "e2e-0", "--", "q", "bank", "balances", up.testAccount.seiAddress, "--output", "json"],
      env,
    );
    assert.equal(balance.code, 0, balance.stderr);
    assert.match(balance.stdout, /"denom":\s*"usei"/);
    const refused = await cli(["seid", "e2e-0", "--", "q", "bank", "balances", "nope"], env);
    assert.notEqual(refused.code, 0, "seid's own failure is the exit code");
    assert.notEqual(refused.code, 2, "not a seinet usage error");
    const noNode = await cli(["seid"], env);
    assert.equal(noNode.code, 2);
    assert.match(noNode.stderr, /Name the node/);
    const ghost = await cli(["seid", "ghost", "--", "status"], env);
    assert.equal(ghost.code, 1);
  });

  test("default: logs --tail 5 prints 5 lines; -f follows until SIGINT, then exit 0", async () => {
    const follow = startCli(["logs", "e2e-0", "-f", "--tail", "1"], env, AbortSignal.timeout(60_000));
    const run = await cli(["logs", "e2e-rpc-0", "--tail", "5"], env);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout.split("\n").filter(Boolean).length, 5, run.stdout);
    assert.equal(run.stdout.endsWith("\n"), true);
    // Blocks come every few hundred ms: wait for lines beyond the first.
    for (let i = 0; i < 300 && follow.stdout().split("\n").length < 4; i++) await delay(100);
    follow.child.kill("SIGINT");
    const ended = await follow.done;
    assert.equal(ended.code, 0, ended.stderr);
    assert.ok(ended.stdout.split("\n").filter(Boolean).length >= 3, ended.stdout);
  });

  test("error: up with a name that exists exits 1 and leaves the network running", async () => {
    assert.ok(up, "up must have run");
    const run = await cli(["up", "--name", "e2e", "--rpc-nodes", "0"], env);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /Network "e2e" already exists in namespace "default"/);
    const status = JSON.parse((await cli(["status", "e2e", "--json"], env)).stdout) as NetworkDoc;
    assert.equal(status.network.phase, "Ready");
    assert.deepEqual(
      status.nodes.map((n) => [n.name, n.phase, n.pid]),
      up.nodes.map((n) => [n.name, "Running", n.pid]),
    );
  });

  test("default: perturb NODE pause|unpause|kill|restart prints phase and height before and after", async () => {
    assert.ok(up, "up must have run");
    interface PerturbDoc {
      schemaVersion: number;
      verb: string;
      before: { phase: string; height: number | null };
      after: { phase: string; height: number | null };
      recoveredMs: number | null;
    }
    const perturb = async (verb: string, ...flags: string[]) => {
      const run = await cli(["perturb", "e2e-rpc-0", verb, "--json", ...flags], env, 120_000);
      assert.equal(run.code, 0, run.stderr);
      return JSON.parse(run.stdout) as PerturbDoc;
    };
    const paused = await perturb("pause");
    assert.equal(paused.schemaVersion, 1);
    assert.ok((paused.before.height ?? 0) > 0);
    assert.equal(paused.after.height, null, "a paused node answers nothing");
    const resumed = await perturb("unpause", "--wait");
    assert.ok((resumed.after.height ?? 0) >= (paused.before.height ?? 0));
    assert.ok(resumed.recoveredMs !== null);
    const killed = await perturb("kill");
    assert.equal(killed.after.phase, "Failed");
    const restarted = await perturb("restart", "--wait", "--timeout", "90s");
    assert.equal(restarted.after.phase, "Running");
    const human = await cli(["perturb", "e2e-rpc-0", "reconnect"], env, 60_000);
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /^reconnect e2e-rpc-0: done in \d+ ms\n +PHASE +HEIGHT\nbefore +Running/);
    const bad = await cli(["perturb", "e2e-rpc-0", "explode"], env);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Unknown verb "explode"/);
  });

  test("error: up --validators 2 exits 2 and creates nothing", async () => {
    const fresh = join(root, "untouched");
    const run = await cli(["up", "--validators", "2", "--name", "two"], cliEnv(fresh));
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /2 validators deadlocks/);
    assert.equal(existsSync(fresh), false);
  });

  test("behavior: SIGINT during up exits 130 and leaves no node and no seid", async () => {
    const dir = join(root, "sigint");
    const running_ = startCli(
      ["up", "--name", "sig", "--rpc-nodes", "1"],
      cliEnv(dir),
      AbortSignal.timeout(120_000),
    );
    // Interrupt once the validators' processes run, so there is something to clean up.
    await running_.waitForStderr(/nodes started/, AbortSignal.timeout(90_000));
    const pids = await recordedPids(dir);
    assert.equal(pids.length, 2, "a validator and its sentry");
    running_.child.kill("SIGINT");
    const run = await running_.done;
    assert.equal(run.code, 130, run.stderr);
    assert.match(run.stderr, /network sig: deleted/);
    assert.deepEqual(await allGone(pids), []);
    assert.deepEqual(await nodeDirs(dir), []);
    assert.deepEqual(await networkFiles(dir), []);
  });

  test("default: down stops every seid of the network; a second down is success", async () => {
    const pids = await recordedPids(stateDir);
    assert.equal(pids.length, 3);
    const run = await cli(["down", "e2e"], env);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, "e2e: deleted (3 nodes stopped)\n");
    assert.deepEqual(await allGone(pids), []);
    assert.deepEqual(await nodeDirs(stateDir), []);
    const again = await cli(["down", "e2e"], env);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, "e2e: not found, nothing to do\n");
  });

  test("behavior: up again clones the warm template the first up kept, and says so; --fresh does not", async () => {
    const ls = await cli(["template", "ls", "--json"], env);
    assert.equal(ls.code, 0, ls.stderr);
    const templates = (JSON.parse(ls.stdout) as { templates: { key: string; height: number }[] }).templates;
    assert.equal(templates.length, 1, "the first up kept its network as a template");
    // Progress goes to stderr without --json.
    const run = await cli(["up", "--rpc-nodes", "1", "--name", "e2e", "--timeout", "3m"], env, 200_000);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /network e2e: from a template made \S+, at height \d+/);
    assert.equal((await cli(["down", "e2e"], env)).code, 0);
    const fresh = await cli(["up", "--rpc-nodes", "0", "--name", "e2e", "--fresh"], env, 200_000);
    assert.equal(fresh.code, 0, fresh.stderr);
    assert.doesNotMatch(fresh.stderr, /from a template/);
    assert.equal((await cli(["down", "e2e"], env)).code, 0);
    const rm = await cli(["template", "rm", (templates[0] as { key: string }).key.slice(0, 8)], env);
    assert.equal(rm.code, 0, rm.stderr);
  });
});
