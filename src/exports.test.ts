import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import * as api from "./index.js";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  exports: Record<string, unknown>;
};

describe("public surface", () => {
  test("default: runtime exports match the snapshot (change deliberately)", () => {
    assert.deepEqual(Object.keys(api).sort(), [
      "CHECKPOINT_ARCHIVE_FORMAT",
      "CanceledError",
      "ChainStalledError",
      "Client",
      "ConflictError",
      "FIELD_MANAGER",
      "FailedError",
      "InfraError",
      "LABEL_MANAGED_BY",
      "LABEL_NETWORK",
      "LABEL_ROLE",
      "LABEL_RUN",
      "LABEL_SESSION",
      "MANAGED_BY",
      "MAX_TEST_ACCOUNTS",
      "MODE_ENV",
      "NotFoundError",
      "ROLE_NODE",
      "SEI_CHAIN_COMMIT",
      "SEI_CHAIN_MODULE",
      "SEI_CHAIN_RELEASE",
      "SeinetError",
      "TEST_MNEMONIC",
      "TimeoutError",
      "UsageError",
      "buildSeidImage",
      "collectGarbage",
      "dumpNetwork",
      "earliestHeight",
      "ensureSeid",
      "fetchStatus",
      "inspectSeidImage",
      "installSeid",
      "isCanceled",
      "isFailed",
      "isNotFound",
      "isTimeout",
      "latestHeight",
      "listTemplates",
      "loadManifest",
      "open",
      "operatorAccount",
      "parseManifest",
      "pruneTemplates",
      "readCheckpointArchive",
      "registerProvider",
      "registeredProviders",
      "removeTemplate",
      "resolveSeid",
      "stakingValidators",
      "templatesRoot",
      "upgradeNetwork",
      "validateManifest",
      "validateNetworkSpec",
      "validateNodeSpec",
      "validateTaskSpec",
      "validateWorkflowSpec",
      "waitCaughtUp",
      "waitChainAdvances",
      "waitEvmServing",
      "waitHeightAdvances",
      "waitRecovered",
      "waitRestServing",
    ]);
  });

  test("default: constants have their documented values", () => {
    assert.equal(api.LABEL_ROLE, "sei.io/role");
    assert.equal(api.ROLE_NODE, "node");
    assert.equal(api.LABEL_NETWORK, "sei.io/seinetwork");
    assert.equal(api.LABEL_RUN, "sei.io/run");
    assert.equal(api.LABEL_MANAGED_BY, "app.kubernetes.io/managed-by");
    assert.equal(api.MANAGED_BY, "seinet");
    assert.equal(api.FIELD_MANAGER, "sei-sdk");
    assert.equal(api.SEI_CHAIN_MODULE, "github.com/sei-protocol/sei-chain");
    assert.match(api.SEI_CHAIN_COMMIT, /^[0-9a-f]{40}$/);
    assert.match(api.SEI_CHAIN_RELEASE, /^v\d+\.\d+\.\d+$/);
  });

  test("behavior: every error class extends SeinetError", () => {
    for (const ctor of [
      api.UsageError,
      api.TimeoutError,
      api.ChainStalledError,
      api.CanceledError,
      api.NotFoundError,
      api.FailedError,
      api.ConflictError,
      api.InfraError,
    ]) {
      assert.ok(ctor.prototype instanceof api.SeinetError, ctor.name);
    }
  });

  test("default: package.json exports '.', the runner helpers, the manifest's JSON Schema and './package.json'", () => {
    assert.deepEqual(Object.keys(pkg.exports).sort(), [
      ".",
      "./jest",
      "./jest/reporter",
      "./node-test",
      "./package.json",
      "./schema/seinet.schema.json",
      "./vitest",
      "./vitest/setup",
    ]);
    assert.deepEqual(pkg.exports["."], { types: "./dist/index.d.ts", import: "./dist/index.js" });
    assert.equal(pkg.exports["./package.json"], "./package.json");
  });
});
