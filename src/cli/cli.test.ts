import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { SeinetError } from "../errors/base.js";
import { CanceledError } from "../errors/canceled.js";
import { ConflictError } from "../errors/conflict.js";
import { FailedError } from "../errors/failed.js";
import { InfraError } from "../errors/infra.js";
import { NotFoundError } from "../errors/notFound.js";
import { TimeoutError } from "../errors/timeout.js";
import { UsageError } from "../errors/usage.js";
import { REAL_V662, V662_COMMIT } from "../seid/bundles.fixture.js";
import { EXIT, exitCodeFor } from "./exitCodes.js";
import { JSON_SCHEMA_VERSION, createOutput, table } from "./output.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from source, without any SEI_* mode variable. */
function cli(...args: string[]): Promise<Run> {
  return cliWith({}, ...args);
}

/** Runs the CLI from source with extra environment variables (no SEI_* mode variable, no SEINET_SEID_BUNDLE). */
function cliWith(extra: NodeJS.ProcessEnv, ...args: string[]): Promise<Run> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith("SEI_") && k !== "SEINET_SEID_BUNDLE"),
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", ...args],
      { cwd: ROOT, env: { ...env, NODE_OPTIONS: "", ...extra }, timeout: 120_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe("seinet CLI (spawned)", { concurrency: true }, () => {
  test("error: no arguments prints help on stdout and exits 2", async () => {
    const run = await cli();
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stdout, /^seinet — real Sei networks for tests and CI/);
    assert.match(run.stdout, /Usage: seinet <command> \[options\]/);
    assert.match(run.stdout, /install-seid/);
    assert.match(run.stdout, /modes/);
    assert.match(
      run.stdout,
      /Exit codes: 0 ok, 1 failed, 2 usage, 3 timeout, 4 infrastructure missing, 130 interrupted/,
    );
  });

  test("default: --help prints help and exits 0", async () => {
    const run = await cli("--help");
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Commands:/);
    assert.equal(run.stderr, "");
  });

  test("error: an unknown command exits 2 and says so on stderr", async () => {
    const run = await cli("bogus");
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Unknown command "bogus"/);
    assert.equal(run.stdout, "");
  });

  test("error: an unknown flag is a usage error (exit 2)", async () => {
    const run = await cli("modes", "--bogus");
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /^seinet: /);
  });

  test("default: modes --json is one versioned JSON document listing k8s", async () => {
    const run = await cli("modes", "--json");
    assert.equal(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as {
      schemaVersion: number;
      command: string;
      modes: { mode: string; selectedBy?: string }[];
    };
    assert.equal(doc.schemaVersion, 1);
    assert.equal(doc.command, "modes");
    assert.deepEqual(doc.modes, [
      { mode: "docker", selectedBy: "SEI_DOCKER" },
      { mode: "k8s", selectedBy: "SEI_NODE_CLUSTER" },
      { mode: "local", selectedBy: "SEI_LOCAL" },
    ]);
  });

  test("default: modes prints a table", async () => {
    const run = await cli("modes");
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stdout,
      "MODE    SELECTED BY\ndocker  SEI_DOCKER\nk8s     SEI_NODE_CLUSTER\nlocal   SEI_LOCAL\n",
    );
  });

  test("default: <command> --help prints its usage and exits 0", async () => {
    const run = await cli("install-seid", "--help");
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /^seinet install-seid \[--from <bundle\.tar\.xz \| dir> \[--sha256 <hex>\]\] \[--ref/,
    );
  });

  test("error: install-seid with a bad ref exits 2 with a USAGE JSON error", async () => {
    const run = await cli("install-seid", "--ref", "bad ref!", "--json");
    assert.equal(run.code, 2, run.stderr);
    const doc = JSON.parse(run.stdout) as { schemaVersion: number; error: { code: string; message: string } };
    assert.equal(doc.schemaVersion, 1);
    assert.equal(doc.error.code, "USAGE");
    assert.match(doc.error.message, /"bad ref!"/);
    assert.match(run.stderr, /^seinet: Expected `ref`/);
  });

  test("error: bad checkpoint and gc arguments exit 2 before anything is opened", async () => {
    const checkpoint = await cli("checkpoint", "export", "net", "warm", "--json");
    assert.equal(checkpoint.code, 2, checkpoint.stderr);
    assert.match(checkpoint.stderr, /Usage: seinet checkpoint save NETWORK/);
    const gc = await cli("gc", "--namespace", "team-a", "--json");
    assert.equal(gc.code, 2, gc.stderr);
    assert.match(gc.stderr, /`--namespace` applies to `--mode k8s`/);
  });

  test("default: install-seid --from the real bundle --json installs it, then a second run is cached", async () => {
    const cache = await mkdtemp(join(tmpdir(), "seinet-cli-seid-"));
    try {
      const run = await cliWith({ SEINET_CACHE: cache }, "install-seid", "--from", REAL_V662, "--json");
      assert.equal(run.code, 0, run.stderr);
      const doc = JSON.parse(run.stdout) as Record<string, unknown>;
      const path = join(cache, "seid", V662_COMMIT, "bin", "seid");
      assert.deepEqual(
        { ...doc, sha256: typeof doc.sha256, durationMs: typeof doc.durationMs },
        {
          schemaVersion: 1,
          command: "install-seid",
          path,
          ref: V662_COMMIT,
          cached: false,
          version: "v6.6.2",
          commit: V662_COMMIT,
          source: "bundle",
          sha256: "string",
          durationMs: "number",
        },
      );
      const again = await cliWith({ SEINET_CACHE: cache }, "install-seid", "--from", REAL_V662);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /^cached: .*\/bin\/seid \(v6\.6\.2, commit 3e7d5ddeb064, \d+\.\d s\)\n$/);
      assert.match(again.stderr, /is cached at/);
    } finally {
      await rm(cache, { recursive: true, force: true });
    }
  });

  test("error: install-seid --from with a wrong --sha256 exits 4 with an INFRA JSON error", async () => {
    const cache = await mkdtemp(join(tmpdir(), "seinet-cli-seid-"));
    try {
      const run = await cliWith(
        { SEINET_CACHE: cache },
        ...["install-seid", "--from", REAL_V662, "--sha256", "0".repeat(64), "--json"],
      );
      assert.equal(run.code, 4, run.stderr);
      const doc = JSON.parse(run.stdout) as { error: { code: string; message: string } };
      assert.equal(doc.error.code, "INFRA");
      assert.equal(doc.error.message, `The seid bundle ${REAL_V662} fails its checksum.`);
      assert.deepEqual(await readdir(cache), []);
    } finally {
      await rm(cache, { recursive: true, force: true });
    }
  });

  test("error: install-seid --sha256 that is not hex exits 2", async () => {
    const run = await cli("install-seid", "--from", REAL_V662, "--sha256", "nothex", "--json");
    assert.equal(run.code, 2, run.stderr);
    assert.match(JSON.parse(run.stdout).error.message, /Expected `sha256` to be 64 hex digits/);
  });
});

describe("exitCodeFor", () => {
  test("default: the documented exit codes", () => {
    assert.deepEqual(EXIT, { ok: 0, failed: 1, usage: 2, timeout: 3, infra: 4, interrupted: 130 });
  });

  test("behavior: each error maps to its exit code", () => {
    const cases: [unknown, number][] = [
      [new UsageError("u"), 2],
      [new TimeoutError("t"), 3],
      [new InfraError("i"), 4],
      [new CanceledError("c"), 130],
      [new FailedError("f", { resource: "network/x" }), 1],
      [new NotFoundError("network", "x"), 1],
      [new ConflictError("c"), 1],
      [new SeinetError("USAGE", "base with usage code"), 2],
      [new Error("plain"), 1],
      ["a string", 1],
      [undefined, 1],
      [null, 1],
      [{ code: "USAGE" }, 1],
    ];
    for (const [err, code] of cases) assert.equal(exitCodeFor(err), code, String(err));
  });
});

describe("output", () => {
  /** A minimal synchronous stand-in for process.stdout / process.stderr. */
  function capture(isTTY: boolean): {
    stream: typeof process.stderr & typeof process.stdout;
    text: () => string;
  } {
    const chunks: string[] = [];
    const stream = {
      isTTY,
      write(chunk: string) {
        chunks.push(chunk);
        return true;
      },
    } as unknown as typeof process.stderr & typeof process.stdout;
    return { stream, text: () => chunks.join("") };
  }

  test("default: --json writes one versioned document; human mode the rendering", () => {
    assert.equal(JSON_SCHEMA_VERSION, 1);
    const out = capture(false);
    const err = capture(false);
    createOutput(true, out.stream, err.stream).result({ command: "x", n: 1 }, () => "human");
    assert.deepEqual(JSON.parse(out.text()), { schemaVersion: 1, command: "x", n: 1 });
    const out2 = capture(false);
    createOutput(false, out2.stream, err.stream).result({ command: "x" }, () => "human");
    assert.equal(out2.text(), "human\n");
  });

  test("behavior: progress goes to stderr, suppressed with --json unless on a terminal", () => {
    const plain = capture(false);
    createOutput(false, process.stdout, plain.stream).progress("step");
    assert.equal(plain.text(), "step\n");
    const quiet = capture(false);
    createOutput(true, process.stdout, quiet.stream).progress("step");
    assert.equal(quiet.text(), "");
    const tty = capture(true);
    createOutput(true, process.stdout, tty.stream).progress("step");
    assert.equal(tty.text(), "› step\n");
  });

  test("behavior: table aligns columns and trims trailing spaces", () => {
    assert.equal(
      table(
        ["A", "LONG HEADER"],
        [
          ["wide cell", "x"],
          ["y", ""],
        ],
      ),
      "A          LONG HEADER\nwide cell  x\ny",
    );
  });
});
