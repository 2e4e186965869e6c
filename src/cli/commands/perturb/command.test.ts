import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../..", import.meta.url));

function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("SEI_")));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", ...args],
      { cwd: ROOT, env: { ...env, SEINET_STATE_DIR: "/nonexistent-seinet-state" }, timeout: 30_000 },
      (err, stdout, stderr) => resolve({ code: err ? (err.code as number) : 0, stdout, stderr }),
    );
  });
}

describe("seinet perturb (usage)", { concurrency: true }, () => {
  test("error: without a verb it exits 2 with the usage", async () => {
    const run = await cli("perturb", "n-0");
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Name the node and the verb\. Usage: seinet perturb NODE kill\|restart\|pause/);
  });

  test("error: an unknown verb exits 2 naming the verbs, before any lookup", async () => {
    const run = await cli("perturb", "n-0", "explode", "--json");
    assert.equal(run.code, 2);
    const doc = JSON.parse(run.stdout) as { schemaVersion: number; error: { code: string; message: string } };
    assert.equal(doc.error.code, "USAGE");
    assert.match(doc.error.message, /expected one of kill, restart, pause, unpause, disconnect, reconnect/);
  });

  test("error: a bad --timeout exits 2", async () => {
    const run = await cli("perturb", "n-0", "kill", "--timeout", "soon");
    assert.equal(run.code, 2);
  });
});
