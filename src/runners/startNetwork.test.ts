import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { UsageError } from "../errors/usage.js";
import { startNetwork } from "./startNetwork.js";
import { workerAccount, workerIndex } from "./workerAccount.js";

describe("startNetwork", () => {
  test("error: a manifest that fails validation rejects with its UsageError before anything is made", async () => {
    await assert.rejects(
      startNetwork({ network: { name: "n", validators: 2 } }),
      (err: unknown) =>
        err instanceof UsageError && /network: A network of 2 validators deadlocks/.test(err.message),
    );
    const dir = await mkdtemp(join(tmpdir(), "seinet-manifest-"));
    try {
      await writeFile(join(dir, "seinet.yaml"), "network:\n  name: n\n  validators: 1\n  replicas: 3\n");
      await assert.rejects(
        startNetwork(join(dir, "seinet.yaml")),
        /seinet\.yaml:4:3: network: Unknown field `replicas`/,
      );
      await assert.rejects(startNetwork(join(dir, "missing.yaml")), /Cannot read manifest/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("workerAccount", () => {
  test("default: worker i takes TEST_MNEMONIC account i", () => {
    assert.equal(workerAccount({ name: "n", testAccounts: 4 }, 3).hdPath, "m/44'/60'/0'/0/3");
    assert.equal(workerIndex("1"), 0);
    assert.equal(workerIndex("4"), 3);
    assert.equal(workerIndex(undefined), 0);
  });

  test("error: a worker past the funded accounts names the manifest field to raise", () => {
    assert.throws(
      () => workerAccount({ name: "n", testAccounts: 2 }, 2),
      /Worker 2 has no test account: network "n" funds 2 .*`network\.testAccounts`/,
    );
  });
});
