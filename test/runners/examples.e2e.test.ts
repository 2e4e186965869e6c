// Runs every example project (examples/<runner>) with its own test runner, for
// real: each starts a local network through its seinet helper, sends a
// transfer and deploys Counter with viem, and leaves nothing behind. A bad
// manifest fails a vitest run at setup with the UsageError, before anything
// is made.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { nodeDirsUnder, seidProcessesUnder } from "../local/leftovers.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const examples = join(root, "examples");
const bin = (path: string) => join(root, "node_modules", path);

/** Each example's own test command, as its package.json runs it. */
const RUNNERS: Record<string, string[]> = {
  vitest: [bin("vitest/vitest.mjs"), "run"],
  jest: ["--experimental-vm-modules", bin("jest/bin/jest.js")],
  "node-test": ["--test", "test/"],
};

function run(cwd: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; output: string; ms: number }>((resolve) => {
    const started = performance.now();
    // NODE_TEST_CONTEXT would make the node:test example think it runs inside this test.
    const { NODE_TEST_CONTEXT: _, ...inherited } = process.env;
    const child = spawn(process.execPath, args, { cwd, env: { ...inherited, ...env } });
    let output = "";
    const collect = (d: Buffer) => {
      output += d;
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("close", (code) => resolve({ code, output, ms: performance.now() - started }));
  });
}

describe("examples (local, real seid)", () => {
  let stateDir: string;
  // Warm templates the helpers keep go beside the state, never into the user's cache.
  const env = () => ({ SEINET_STATE_DIR: stateDir, SEINET_TEMPLATE_DIR: join(stateDir, ".templates") });

  before(async () => {
    // The examples import "seinet" as a user would: the package's exports map over dist/.
    const built = spawnSync("npm", ["run", "build"], { cwd: root, encoding: "utf8" });
    assert.equal(built.status, 0, built.stderr);
    await mkdir(join(examples, "node_modules"), { recursive: true });
    await rm(join(examples, "node_modules", "seinet"), { force: true });
    await symlink("../..", join(examples, "node_modules", "seinet"));
    stateDir = await mkdtemp(join(tmpdir(), "seinet-examples-"));
  });

  after(async () => {
    assert.deepEqual(await seidProcessesUnder(stateDir), []);
    assert.deepEqual(await nodeDirsUnder(stateDir), []);
    await rm(stateDir, { recursive: true, force: true });
  });

  for (const [runner, args] of Object.entries(RUNNERS)) {
    test(`behavior: examples/${runner} passes against its own network and deletes it`, async () => {
      const { code, output, ms } = await run(join(examples, runner), args, env());
      assert.equal(code, 0, output);
      assert.match(output, /seinet: network [a-z-]+ \(local\) ready in/);
      process.stderr.write(`examples/${runner}: ${(ms / 1000).toFixed(1)} s\n`);
      assert.deepEqual(await seidProcessesUnder(stateDir), []);
      assert.deepEqual(await nodeDirsUnder(stateDir), []);
    });
  }

  /** Runs a copy of examples/<runner> that `change` edits, inside the tree so "seinet" resolves. */
  async function inCopy(
    runner: string,
    name: string,
    change: (dir: string) => Promise<void>,
    env: NodeJS.ProcessEnv,
  ) {
    const copy = join(examples, `.${name}-${process.pid}`);
    await cp(join(examples, runner), copy, { recursive: true });
    try {
      await change(copy);
      const result = await run(copy, RUNNERS[runner] as string[], env);
      return { ...result, files: await readdir(copy) };
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  }

  test("error: a bad manifest fails the vitest run at setup, naming file, line and field", async () => {
    const empty = await mkdtemp(join(tmpdir(), "seinet-bad-manifest-"));
    try {
      const { code, output } = await inCopy(
        "vitest",
        "bad-manifest",
        (dir) => writeFile(join(dir, "seinet.yaml"), "network:\n  name: bad\n  validators: 2\n"),
        { SEINET_STATE_DIR: empty },
      );
      assert.notEqual(code, 0);
      assert.match(output, /seinet\.yaml:3:3: network: A network of 2 validators deadlocks/);
      assert.deepEqual(await readdir(empty), [], "nothing was made");
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  test("behavior: a failing test file makes the vitest helper write a dump and say where", async () => {
    const { code, output, files } = await inCopy(
      "vitest",
      "failing",
      (dir) =>
        writeFile(
          join(dir, "test", "fails.test.ts"),
          'import { expect, test } from "vitest";\ntest("fails", () => expect(1).toBe(2));\n',
        ),
      env(),
    );
    assert.notEqual(code, 0);
    assert.match(
      output,
      /seinet: 1 test file\(s\) failed; dump of network vitest-example: seinet-dump-vitest-example\.tgz/,
    );
    assert.ok(files.includes("seinet-dump-vitest-example.tgz"));
  });

  test("behavior: a failing test file makes the jest reporter write a dump and say where", async () => {
    const { code, output, files } = await inCopy(
      "jest",
      "failing-jest",
      (dir) =>
        writeFile(join(dir, "test", "fails.test.mjs"), 'test("fails", () => { expect(1).toBe(2); });\n'),
      env(),
    );
    assert.notEqual(code, 0);
    assert.match(
      output,
      /seinet: 1 test file\(s\) failed; dump of network jest-example: seinet-dump-jest-example\.tgz/,
    );
    assert.ok(files.includes("seinet-dump-jest-example.tgz"), files.join(", "));
    assert.deepEqual(await seidProcessesUnder(stateDir), []);
  });
  test("behavior: kill -9 of the vitest runner itself leaves nothing of its network within 10 s", async () => {
    const copy = join(examples, `.killed-${process.pid}`);
    const sessions = await mkdtemp(join(tmpdir(), "seinet-killed-sessions-"));
    await cp(join(examples, "vitest"), copy, { recursive: true });
    try {
      // A test that outlives the kill: the run is mid-way when the runner dies.
      await writeFile(
        join(copy, "test", "slow.test.ts"),
        'import { test } from "vitest";\ntest("slow", () => new Promise((r) => setTimeout(r, 120_000)), 150_000);\n',
      );
      const { NODE_TEST_CONTEXT: _, ...inherited } = process.env;
      const child = spawn(process.execPath, RUNNERS.vitest as string[], {
        cwd: copy,
        env: { ...inherited, ...env(), SEINET_SESSION_DIR: sessions },
      });
      let output = "";
      const ready = new Promise<void>((resolve, reject) => {
        const check = (d: Buffer) => {
          output += d;
          if (/seinet: network vitest-example \(local\) ready/.test(output)) resolve();
        };
        child.stdout.on("data", check);
        child.stderr.on("data", check);
        child.once("exit", () => reject(new Error(`vitest ended before its network was ready:\n${output}`)));
      });
      await ready;
      assert.ok((await seidProcessesUnder(stateDir)).length > 0, "the network runs");
      const exited = new Promise((resolve) => child.once("exit", resolve));
      const killed = performance.now();
      child.kill("SIGKILL");
      await exited;
      let left: string[] = [];
      while (performance.now() - killed < 30_000) {
        left = [
          ...(await seidProcessesUnder(stateDir)).map((pid) => `seid ${pid}`),
          ...(await nodeDirsUnder(stateDir)),
          ...(await readdir(sessions)).map((f) => `session ${f}`),
        ];
        if (left.length === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const ms = performance.now() - killed;
      assert.deepEqual(left, [], "nothing left");
      process.stderr.write(`vitest killed: nothing left ${(ms / 1000).toFixed(1)} s after kill -9\n`);
      assert.ok(ms <= 10_000, `took ${ms} ms`);
    } finally {
      await rm(copy, { recursive: true, force: true });
      await rm(sessions, { recursive: true, force: true });
    }
  });
});
