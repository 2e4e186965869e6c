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
  endpoints: { tendermintRpc: string; evmRpc: string; evmWs: string; rest: string };
}
interface NetworkDoc {
  schemaVersion: number;
  command: string;
  network: { name: string; phase: string; validators: number; followers: number; seidVersion: string };
  nodes: NodeDoc[];
  testAccount: { evmAddress: string; seiAddress: string; privateKey?: string };
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
    assert.equal(ls.code, 0, ls.stderr);
    const list = JSON.parse(ls.stdout) as { networks: { name: string; phase: string; followers: number }[] };
    assert.deepEqual(
      list.networks.map((n) => [n.name, n.phase, n.followers]),
      [["e2e", "Ready", 1]],
    );
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
    await running_.waitForStderr(/processes started/, AbortSignal.timeout(90_000));
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
