// `seinet upgrade` end to end against real seid: a network started on v6.5.2
// is upgraded through gov to v6.6.2 (propose, vote, halt, swap, resume), and
// a `--to` that does not resolve is refused with the network left alone.
// No seid (or no v6.5.2 bundle) is a setup error, never a skip.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { installSeid } from "../../src/index.js";
import { sharedBundle, testSeid } from "../local/seid.js";
import { cli, cliEnv, recordedPids } from "./cliProcess.js";

interface NodeDoc {
  name: string;
  role: string;
  phase: string;
  pid: number | null;
  seidVersion: string | null;
  endpoints: { tendermintRpc: string; rest: string };
}
interface StatusDoc {
  schemaVersion: number;
  network: { name: string; phase: string; seidVersion: string };
  nodes: NodeDoc[];
}
interface UpgradeDoc {
  schemaVersion: number;
  command: string;
  network: string;
  upgradeName: string;
  height: number;
  proposalId: number;
  to: { binary: string; path: string; version: string };
  nodes: { name: string; role: string; from: string; applied: string; height: number }[];
  timings: {
    proposeMs: number;
    voteMs: number;
    haltMs: number;
    swapMs: number;
    resumeMs: number;
    totalMs: number;
  };
}

const NAME = "upg";
let root = "";
let stateDir = "";
let env: NodeJS.ProcessEnv = {};
/** What `up` printed. */
let up: StatusDoc | undefined;

async function status(): Promise<StatusDoc> {
  const run = await cli(["status", NAME, "--json"], env, 30_000);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as StatusDoc;
}

/** The gov proposals on the chain, read from a node's REST endpoint. */
async function proposals(rest: string): Promise<unknown[]> {
  const res = await fetch(`${rest}/cosmos/gov/v1beta1/proposals`, { signal: AbortSignal.timeout(10_000) });
  return ((await res.json()) as { proposals: unknown[] }).proposals;
}

describe("seinet upgrade against real seid (v6.5.2 → v6.6.2)", () => {
  before(async () => {
    await testSeid(); // v6.6.2, and SEINET_SEID_BUNDLE for the CLI
    const bundle = sharedBundle("v6.5.2");
    assert.ok(bundle, "the seid v6.5.2 bundle (../shared/seid/seid-v6.5.2-linux-amd64.tar.xz) is missing");
    await installSeid({ from: bundle, signal: AbortSignal.timeout(300_000) });
    root = await mkdtemp(join(tmpdir(), "seinet-upgrade-e2e-"));
    stateDir = join(root, "state");
    env = cliEnv(stateDir);
  });

  after(async () => {
    if (stateDir && existsSync(stateDir)) await cli(["down", "--all"], env, 60_000);
    if (root) await rm(root, { recursive: true, force: true });
  });

  test("default: up --binary v6.5.2 runs every node on v6.5.2", async () => {
    const run = await cli(
      [
        "up",
        "--validators",
        "1",
        "--rpc-nodes",
        "1",
        "--binary",
        "v6.5.2",
        "--name",
        NAME,
        "--timeout",
        "90s",
        "--json",
      ],
      env,
      110_000,
    );
    assert.equal(run.code, 0, run.stderr);
    up = JSON.parse(run.stdout) as StatusDoc;
    assert.equal(up.network.seidVersion, "v6.5.2");
    assert.deepEqual(
      up.nodes.map((n) => [n.name, n.seidVersion]),
      [
        [`${NAME}-0`, "v6.5.2"],
        [`${NAME}-sentry`, "v6.5.2"],
        [`${NAME}-rpc-0`, "v6.5.2"],
      ],
    );
  });

  test("error: a --to that is not installed or not a file is refused; nothing is proposed", async () => {
    assert.ok(up, "up must have run");
    const pids = await recordedPids(stateDir);
    // Without SEINET_SEID_BUNDLE (which would be unpacked to look for v9.9.9): only the cache.
    const { SEINET_SEID_BUNDLE: _, ...cacheOnly } = env;
    const [missing, path] = await Promise.all([
      cli(["upgrade", NAME, "--to", "v9.9.9", "--json"], cacheOnly, 30_000),
      cli(["upgrade", NAME, "--to", join(root, "no-seid"), "--name", "v6.6"], env, 30_000),
    ]);
    assert.equal(missing.code, 4, missing.stderr);
    assert.match(missing.stderr, /seid v9\.9\.9 is not installed\.[\s\S]*install-seid/);
    assert.equal((JSON.parse(missing.stdout) as { error: { code: string } }).error.code, "INFRA");
    assert.equal(path.code, 2, path.stderr);
    assert.match(
      path.stderr,
      /`--to` ".*no-seid" is neither an installed seid version .* nor an executable seid file/,
    );
    // Untouched: same processes, same seid, no proposal on the chain.
    const after_ = await status();
    assert.equal(after_.network.phase, "Ready");
    assert.deepEqual(
      after_.nodes.map((n) => [n.name, n.phase, n.seidVersion]),
      up.nodes.map((n) => [n.name, "Running", "v6.5.2"]),
    );
    assert.deepEqual(await recordedPids(stateDir), pids);
    assert.deepEqual(await proposals(up.nodes[0]?.endpoints.rest as string), []);
  });

  test("default: upgrade --to v6.6.2 --json: every node applied v6.6.2 and makes blocks past the height", async () => {
    assert.ok(up, "up must have run");
    const started = performance.now();
    const run = await cli(["upgrade", NAME, "--to", "v6.6.2", "--timeout", "100s", "--json"], env, 120_000);
    const ms = Math.round(performance.now() - started);
    assert.equal(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as UpgradeDoc;
    assert.equal(doc.schemaVersion, 1);
    assert.equal(doc.command, "upgrade");
    assert.equal(doc.network, NAME);
    assert.equal(doc.upgradeName, "v6.6");
    assert.equal(doc.to.version, "v6.6.2");
    assert.ok(doc.proposalId >= 1);
    assert.deepEqual(
      doc.nodes.map((n) => [n.name, n.from, n.applied]),
      up.nodes.map((n) => [n.name, "v6.5.2", "v6.6.2"]),
    );
    for (const n of doc.nodes) assert.ok(n.height >= doc.height + 2, `${n.name} at ${n.height}`);
    assert.deepEqual(Object.keys(doc.timings), [
      "proposeMs",
      "voteMs",
      "haltMs",
      "swapMs",
      "resumeMs",
      "totalMs",
    ]);
    assert.ok(doc.timings.totalMs <= ms);
    // Seen by whoever runs the file: how long each phase took.
    console.log(`# upgrade took ${ms} ms (CLI process); timings ${JSON.stringify(doc.timings)}`);
  });

  test("behavior: status and ls from another process show v6.6.2 on every node", async () => {
    assert.ok(up, "up must have run");
    const [doc, ls, again] = await Promise.all([
      status(),
      cli(["ls", "--json"], env, 30_000),
      cli(["upgrade", NAME, "--to", "v6.6.2"], env, 30_000),
    ]);
    assert.equal(doc.network.phase, "Ready");
    assert.equal(doc.network.seidVersion, "v6.6.2");
    assert.deepEqual(
      doc.nodes.map((n) => [n.name, n.phase, n.seidVersion]),
      up.nodes.map((n) => [n.name, "Running", "v6.6.2"]),
    );
    assert.equal(ls.code, 0, ls.stderr);
    assert.deepEqual(
      (JSON.parse(ls.stdout) as { networks: { name: string; seidVersion: string }[] }).networks.map((n) => [
        n.name,
        n.seidVersion,
      ]),
      [[NAME, "v6.6.2"]],
    );
    // Upgrading to what every node already runs is refused before any proposal.
    assert.equal(again.code, 2, again.stderr);
    assert.match(again.stderr, /already runs seid v6\.6\.2/);
  });

  test("default: down deletes the upgraded network", async () => {
    const run = await cli(["down", NAME], env, 60_000);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `${NAME}: deleted (3 nodes stopped)\n`);
  });
});
