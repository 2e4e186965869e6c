import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { NotFoundError } from "../errors/notFound.js";
import { UsageError } from "../errors/usage.js";
import type { Command } from "./command.js";
import { downCommand } from "./commands/down/command.js";
import { logsCommand } from "./commands/logs/command.js";
import { lsCommand, statusCommand } from "./commands/status/command.js";
import { upCommand } from "./commands/up/command.js";
import { createOutput } from "./output.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

let parent = "";
/** A state dir that does not exist: a command that creates anything makes it appear. */
let stateDir = "";

before(async () => {
  parent = await mkdtemp(join(tmpdir(), "seinet-cli-local-"));
  stateDir = join(parent, "state");
  // Each test file runs in its own process: the in-process commands read this.
  process.env.SEINET_STATE_DIR = stateDir;
});
after(() => rm(parent, { recursive: true, force: true }));

/** Runs a command in this process; returns what it printed on stdout. */
async function run(command: Command, positionals: string[], values: Record<string, string | boolean> = {}) {
  const chunks: string[] = [];
  const sink = {
    isTTY: false,
    write: (c: string) => chunks.push(c) > 0,
  } as unknown as typeof process.stdout & typeof process.stderr;
  const output = createOutput(values.json === true, sink, sink);
  await command.run({ values, positionals, output, signal: new AbortController().signal });
  return chunks.join("");
}

async function refused(
  command: Command,
  positionals: string[],
  values: Record<string, string | boolean>,
  message: RegExp,
) {
  await assert.rejects(
    run(command, positionals, values),
    (err: unknown) => err instanceof UsageError && message.test(err.message),
  );
  assert.equal(existsSync(stateDir), false, `${command.name} created the state dir`);
}

describe("local commands (in process, no seid)", () => {
  test("error: usage errors come before any side effect", async () => {
    await refused(upCommand, [], { validators: "2" }, /A network of 2 validators deadlocks/);
    await refused(upCommand, [], { timeout: "5" }, /`--timeout` to be a positive duration with a unit/);
    await refused(upCommand, ["extra"], {}, /^Unexpected argument "extra"\. Usage: seinet up/);
    await refused(logsCommand, [], {}, /^Name the node\. Usage: seinet logs NODE/);
    await refused(logsCommand, ["x"], { tail: "0" }, /`--tail` to be an integer from 1 to 1000000, got "0"/);
    await refused(logsCommand, ["x"], { json: true }, /has no --json/);
    await refused(downCommand, [], {}, /^Name the networks to delete, or pass --all\./);
    await refused(downCommand, ["x"], { all: true }, /^Pass network names or --all, not both\./);
    await refused(downCommand, ["Bad_"], {}, /^Expected `NAME` to be a DNS-1123 label/);
    await refused(downCommand, ["x"], { namespace: "NS!" }, /^Expected `--namespace` to be a DNS-1123 label/);
    await refused(lsCommand, ["x"], {}, /^Unexpected argument "x"\. Usage: seinet ls/);
    await refused(statusCommand, ["a", "b"], {}, /^Unexpected argument "b"/);
  });

  test("default: ls and status with no networks", async () => {
    assert.equal(await run(lsCommand, []), 'No networks in namespace "default". `seinet up` starts one.\n');
    assert.equal(await run(statusCommand, [], { "all-namespaces": true }), "No networks.\n");
    assert.deepEqual(JSON.parse(await run(statusCommand, [], { json: true })), {
      schemaVersion: 1,
      command: "status",
      networks: [],
    });
  });

  test("error: status and logs of something missing are NotFoundErrors", async () => {
    await assert.rejects(
      run(statusCommand, ["ghost"], { namespace: "ci" }),
      (err: unknown) =>
        err instanceof NotFoundError &&
        err.message ===
          'network "ghost" not found in namespace "ci"\n\n`seinet ls --all-namespaces` lists the networks.',
    );
    await assert.rejects(run(statusCommand, ["ghost"], { "all-namespaces": true }), NotFoundError);
    await assert.rejects(run(logsCommand, ["ghost-0"]), /node "ghost-0" not found/);
  });

  test("default: down of a missing network is success, and so is --all with nothing", async () => {
    assert.equal(
      await run(downCommand, ["ghost", "other", "ghost"]),
      "ghost: not found, nothing to do\nother: not found, nothing to do\n",
    );
    assert.deepEqual(JSON.parse(await run(downCommand, ["ghost"], { json: true })), {
      schemaVersion: 1,
      command: "down",
      results: [{ name: "ghost", namespace: "default", kind: "network", result: "not-found", nodes: 0 }],
    });
    assert.equal(await run(downCommand, [], { all: true }), "No networks to delete.\n");
  });
});

interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from source against the (absent) state dir, with no seid to be found. */
function cli(...args: string[]): Promise<Spawned> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith("SEI_") && !["SEINET_SEID_BUNDLE", "SEID_BINARY"].includes(k),
    ),
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", ...args],
      { cwd: ROOT, env: { ...env, NODE_OPTIONS: "", SEINET_STATE_DIR: stateDir }, timeout: 60_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === "number" ? err.code : null) : 0, stdout, stderr }),
    );
  });
}

describe("local commands (spawned: exit codes and streams)", () => {
  test("behavior: help, exit 2 on usage, exit 1 on not found, exit 0 on down of nothing", async () => {
    const [help, usage, missing, down] = await Promise.all([
      cli("--help"),
      cli("up", "--validators", "2", "--json"),
      cli("status", "ghost"),
      cli("down", "ghost"),
    ]);
    assert.equal(help.code, 0, help.stderr);
    for (const name of ["up", "status", "ls", "logs", "down"]) {
      assert.match(help.stdout, new RegExp(`\\n  ${name} +\\S`));
    }
    assert.match(
      help.stdout,
      /--namespace NS and --mode local\|docker \(up, status, ls, logs, seid, perturb, down, upgrade;/,
    );
    assert.equal(usage.code, 2, usage.stderr);
    assert.equal(JSON.parse(usage.stdout).error.code, "USAGE");
    assert.match(usage.stderr, /^seinet: A network of 2 validators deadlocks/);
    assert.equal(missing.code, 1, missing.stderr);
    assert.match(missing.stderr, /^seinet: network "ghost" not found in namespace "default"\n/);
    assert.equal(down.code, 0, down.stderr);
    assert.equal(down.stdout, "ghost: not found, nothing to do\n");
    assert.equal(existsSync(stateDir), false);
  });
});
