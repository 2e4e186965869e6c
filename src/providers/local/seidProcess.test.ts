import assert from "node:assert/strict";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import type { ProcRecord } from "./records.js";
import { exitCode, isAlive, startSeid, stopSeid } from "./seidProcess.js";

let dir: string;
const started: ProcRecord[] = [];

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "seinet-seid-"));
});
after(async () => {
  // Whatever a failed test left running goes, by the groups this file started.
  for (const proc of started) {
    try {
      process.kill(-proc.pgid, "SIGKILL");
    } catch {}
  }
  await rm(dir, { recursive: true, force: true });
});

/** A stand-in `seid`: a shell script with the given body. */
async function fakeSeid(name: string, body: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `#!/bin/sh\n${body}\n`);
  await chmod(path, 0o755);
  return path;
}

let counter = 0;
/** Starts a fake seid in a fresh node directory. */
async function start(seid: string, env?: NodeJS.ProcessEnv) {
  counter += 1;
  const nodeDir = join(dir, `node${counter}`);
  await mkdir(nodeDir);
  const paths = {
    home: join(nodeDir, "home"),
    logFile: join(nodeDir, "seid.log"),
    exitFile: join(nodeDir, "exit"),
  };
  const proc = await startSeid({ seid, ...paths, ...(env ? { env } : {}) });
  started.push(proc);
  return { proc, ...paths };
}

/** Polls until `check` holds, or fails after `ms`. */
async function until(what: string, check: () => Promise<boolean>, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await delay(20);
  }
}

describe("startSeid", () => {
  test("default: runs `seid start --home <home>` in its own group, output to the log", async () => {
    const seid = await fakeSeid("sleeper", 'echo "args: $*"\nexec sleep 30');
    const { proc, home, logFile } = await start(seid);
    assert.ok(proc.pid > 0 && proc.pgid > 0);
    assert.notEqual(proc.pid, proc.pgid);
    assert.ok(!Number.isNaN(Date.parse(proc.startedAt)));
    assert.equal(await isAlive(proc), true);
    await until("the log has the arguments", async () =>
      (await readFile(logFile, "utf8")).includes(`args: start --home ${home}`),
    );
    await stopSeid(proc, 2_000);
    assert.equal(await isAlive(proc), false);
  });

  test("behavior: env is passed to seid", async () => {
    const seid = await fakeSeid("env", 'echo "value=$SEINET_TEST_VALUE"');
    const { logFile, exitFile } = await start(seid, { PATH: process.env.PATH, SEINET_TEST_VALUE: "42" });
    await until("seid exits", async () => (await exitCode(exitFile)) !== undefined);
    assert.equal(await readFile(logFile, "utf8"), "value=42\n");
  });

  test("behavior: the log is appended to, not truncated", async () => {
    const seid = await fakeSeid("hello", "echo hello");
    counter += 1;
    const nodeDir = join(dir, `node${counter}`);
    await mkdir(nodeDir);
    const options = {
      seid,
      home: nodeDir,
      logFile: join(nodeDir, "seid.log"),
      exitFile: join(nodeDir, "exit"),
    };
    await writeFile(options.logFile, "earlier run\n");
    started.push(await startSeid(options));
    await until("seid exits", async () => (await exitCode(options.exitFile)) !== undefined);
    assert.equal(await readFile(options.logFile, "utf8"), "earlier run\nhello\n");
  });

  test("behavior: a stale exit file from an earlier run is removed", async () => {
    const seid = await fakeSeid("sleeper2", "exec sleep 30");
    counter += 1;
    const nodeDir = join(dir, `node${counter}`);
    await mkdir(nodeDir);
    const exitFile = join(nodeDir, "exit");
    await writeFile(exitFile, "9\n");
    const proc = await startSeid({ seid, home: nodeDir, logFile: join(nodeDir, "seid.log"), exitFile });
    started.push(proc);
    assert.equal(await exitCode(exitFile), undefined);
    await stopSeid(proc, 2_000);
  });

  test("behavior: a seid that exits 3 is not alive and its code is recorded", async () => {
    const seid = await fakeSeid("fails", "echo 'panic: bad genesis' >&2\nexit 3");
    const { proc, exitFile, logFile } = await start(seid);
    await until("the exit code is recorded", async () => (await exitCode(exitFile)) === 3);
    await until("seid is gone", async () => !(await isAlive(proc)));
    assert.equal(await readFile(logFile, "utf8"), "panic: bad genesis\n");
  });

  test("behavior: a missing seid binary reads as exit code 127", async () => {
    const { proc, exitFile } = await start(join(dir, "no-such-seid"));
    await until("the exit code is recorded", async () => (await exitCode(exitFile)) === 127);
    assert.equal(await isAlive(proc), false);
  });

  test("behavior: a SIGKILLed seid reads as not alive, exit code 128 + 9", async () => {
    const seid = await fakeSeid("victim", "exec sleep 30");
    const { proc, exitFile } = await start(seid);
    assert.equal(await isAlive(proc), true);
    process.kill(proc.pid, "SIGKILL");
    await until("seid is gone", async () => !(await isAlive(proc)));
    await until("the exit code is recorded", async () => (await exitCode(exitFile)) === 137);
  });
});

describe("isAlive", () => {
  test("behavior: a pid that does not exist is not alive", async () => {
    assert.equal(await isAlive({ pgid: 2 ** 22 + 1, pid: 2 ** 22 + 1, startedAt: "" }), false);
  });
});

describe("exitCode", () => {
  test("default: the number in the file, else undefined", async () => {
    const file = join(dir, "exit-code");
    assert.equal(await exitCode(file), undefined);
    await writeFile(file, "0\n");
    assert.equal(await exitCode(file), 0);
    await writeFile(file, "");
    assert.equal(await exitCode(file), undefined);
    await writeFile(file, "garbage");
    assert.equal(await exitCode(file), undefined);
  });
});

describe("stopSeid", () => {
  test("default: SIGTERM stops seid within the grace", async () => {
    const seid = await fakeSeid("polite", "exec sleep 30");
    const { proc } = await start(seid);
    const t0 = Date.now();
    await stopSeid(proc, 5_000);
    assert.equal(await isAlive(proc), false);
    assert.ok(Date.now() - t0 < 4_000);
  });

  test("behavior: a seid that ignores SIGTERM is SIGKILLed after the grace", async () => {
    const seid = await fakeSeid("stubborn", "trap '' TERM\necho ready\nexec sleep 30");
    const { proc, logFile } = await start(seid);
    // startSeid resolves once the pid is known, which can be before the trap is set.
    await until("SIGTERM is ignored", async () => (await readFile(logFile, "utf8")).includes("ready"));
    const t0 = Date.now();
    await stopSeid(proc, 300);
    assert.ok(Date.now() - t0 >= 300);
    assert.equal(await isAlive(proc), false);
  });

  test("behavior: stopping an already dead seid returns, twice too", async () => {
    const seid = await fakeSeid("quick", "exit 0");
    const { proc, exitFile } = await start(seid);
    await until("seid exits", async () => (await exitCode(exitFile)) === 0);
    await stopSeid(proc, 1_000);
    await stopSeid(proc, 1_000);
    assert.equal(await isAlive(proc), false);
  });
});
