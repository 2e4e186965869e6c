// A session network of a process killed with SIGKILL is gone within 10 s: no
// seid process, no state, no listening port. `seinet gc` then finds nothing.
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { collectGarbage, open } from "../../src/index.js";
import { cliEnv, startCli } from "../cli/cliProcess.js";
import { nodeDirsUnder, seidProcessesUnder } from "../local/leftovers.js";
import { killAndTime, sessionLeftovers, startHarness } from "./reaper.js";

const BOUND_MS = 10_000;
const stateDir = await mkdtemp(join(tmpdir(), "seinet-reaper-"));
const sessionDir = await mkdtemp(join(tmpdir(), "seinet-reaper-sessions-"));

after(async () => {
  await rm(stateDir, { recursive: true, force: true });
  await rm(sessionDir, { recursive: true, force: true });
});

test("behavior: kill -9 of a session's owner leaves nothing of its local network within 10 s", async () => {
  const env = { SEINET_STATE_DIR: stateDir, SEINET_SESSION_DIR: sessionDir };
  const { child, made } = startHarness(["local", "reaped"], env);
  const { session, ports } = await made;
  assert.ok(session && ports.length > 0);
  assert.ok((await seidProcessesUnder(stateDir)).length > 0);
  const ms = await killAndTime(
    child,
    async () => [
      ...(await seidProcessesUnder(stateDir)).map((pid) => `seid ${pid}`),
      ...(await nodeDirsUnder(stateDir)),
      ...(await sessionLeftovers(ports, sessionDir)),
    ],
    BOUND_MS,
  );
  process.stderr.write(`local reaper: nothing left ${(ms / 1000).toFixed(1)} s after kill -9\n`);
  assert.ok(ms <= BOUND_MS, `took ${ms} ms`);
  assert.deepEqual(await collectGarbage({ dir: sessionDir }), { swept: [], live: 0 });
});

test("behavior: kill -9 of `seinet up -f` mid-way leaves nothing; a finished up's network outlives it and gc leaves it alone", async () => {
  const env = { ...cliEnv(stateDir), SEINET_SESSION_DIR: sessionDir };
  const manifest = join(sessionDir, "..", `seinet-reaper-${process.pid}.yaml`);
  await writeFile(
    manifest,
    "network:\n  name: upkill\n  validators: 1\nfollowers:\n  - name: upkill-rpc-0\n",
  );
  try {
    const killed = startCli(["up", "-f", manifest], env, AbortSignal.timeout(120_000));
    await killed.waitForStderr(/waiting for blocks/, AbortSignal.timeout(60_000));
    const ms = await killAndTime(
      killed.child,
      async () => [
        ...(await seidProcessesUnder(stateDir)).map((pid) => `seid ${pid}`),
        ...(await nodeDirsUnder(stateDir)),
      ],
      BOUND_MS,
    );
    process.stderr.write(`up killed mid-way: nothing left ${(ms / 1000).toFixed(1)} s after kill -9\n`);

    const finished = await startCli(
      ["up", "-f", manifest, "--name", "uplive", "--rpc-nodes", "0"],
      env,
      AbortSignal.timeout(120_000),
    ).done;
    assert.equal(finished.code, 0, finished.stderr);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // the watchdog has seen `up` gone
    assert.deepEqual(await collectGarbage({ dir: sessionDir }), { swept: [], live: 0 });
    const client = await open("local", { stateDir });
    try {
      const net = await client.getNetwork("uplive");
      assert.equal(net.phase, "Ready");
      await net.delete({ cascade: true });
    } finally {
      await client.close();
    }
    assert.deepEqual(await seidProcessesUnder(stateDir), []);
  } finally {
    await rm(manifest, { force: true });
  }
});
