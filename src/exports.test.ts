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
      "CanceledError",
      "Client",
      "ConflictError",
      "FIELD_MANAGER",
      "FailedError",
      "InfraError",
      "LABEL_MANAGED_BY",
      "LABEL_NETWORK",
      "LABEL_ROLE",
      "LABEL_RUN",
      "MANAGED_BY",
      "MODE_ENV",
      "NotFoundError",
      "ROLE_NODE",
      "SEI_CHAIN_COMMIT",
      "SEI_CHAIN_MODULE",
      "SEI_CHAIN_RELEASE",
      "SeinetError",
      "TimeoutError",
      "UsageError",
      "buildSeidImage",
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
      "open",
      "operatorAccount",
      "pruneTemplates",
      "registerProvider",
      "registeredProviders",
      "removeTemplate",
      "resolveSeid",
      "stakingValidators",
      "templatesRoot",
      "upgradeNetwork",
      "validateNetworkSpec",
      "validateNodeSpec",
      "validateTaskSpec",
      "validateWorkflowSpec",
      "waitCaughtUp",
      "waitEvmServing",
      "waitHeightAdvances",
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
      api.CanceledError,
      api.NotFoundError,
      api.FailedError,
      api.ConflictError,
      api.InfraError,
    ]) {
      assert.ok(ctor.prototype instanceof api.SeinetError, ctor.name);
    }
  });

  test("default: package.json exports exactly '.' and './package.json'", () => {
    assert.deepEqual(Object.keys(pkg.exports).sort(), [".", "./package.json"]);
    assert.deepEqual(pkg.exports["."], { types: "./dist/index.d.ts", import: "./dist/index.js" });
    assert.equal(pkg.exports["./package.json"], "./package.json");
  });
});
