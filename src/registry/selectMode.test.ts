import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { UsageError } from "../errors/usage.js";
import { MODE_ENV, selectMode } from "./selectMode.js";

function usage(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof UsageError, `expected a UsageError, got ${String(err)}`);
    assert.equal(err.code, "USAGE");
    assert.equal(err.field, "mode");
    return err;
  }
  assert.fail("expected a UsageError, nothing was thrown");
}

describe("selectMode", () => {
  test("default: the environment variables and the modes they select", () => {
    assert.deepEqual(MODE_ENV, { SEI_NODE_CLUSTER: "k8s", SEI_DOCKER: "docker", SEI_LOCAL: "local" });
  });

  test("behavior: an explicit mode wins over the environment", () => {
    assert.equal(selectMode("k8s", {}), "k8s");
    assert.equal(selectMode("local", { SEI_NODE_CLUSTER: "1" }), "local");
    assert.equal(selectMode("docker", { SEI_NODE_CLUSTER: "1", SEI_DOCKER: "1", SEI_LOCAL: "1" }), "docker");
    assert.equal(selectMode("custom-harness", { SEI_LOCAL: "1" }), "custom-harness");
  });

  test("behavior: exactly one variable set selects its mode", () => {
    for (const [name, mode] of Object.entries(MODE_ENV)) {
      assert.equal(selectMode(undefined, { [name]: "1" }), mode, name);
      assert.equal(selectMode(undefined, { [name]: "anything", PATH: "/bin" }), mode, name);
    }
  });

  test("behavior: an empty string counts as unset", () => {
    assert.equal(selectMode(undefined, { SEI_NODE_CLUSTER: "", SEI_DOCKER: "1", SEI_LOCAL: "" }), "docker");
    usage(() => selectMode(undefined, { SEI_NODE_CLUSTER: "", SEI_DOCKER: "", SEI_LOCAL: "" }));
  });

  test("error: none set names all three variables", () => {
    const err = usage(() => selectMode(undefined, {}));
    for (const name of ["SEI_NODE_CLUSTER", "SEI_DOCKER", "SEI_LOCAL"])
      assert.match(err.message, new RegExp(name));
    assert.equal(
      err.message,
      "No mode given and none selected by the environment: pass a mode to open(), or set exactly one of SEI_NODE_CLUSTER (k8s), SEI_DOCKER (docker), SEI_LOCAL (local).",
    );
  });

  test("error: several set names the ones set", () => {
    const two = usage(() => selectMode(undefined, { SEI_NODE_CLUSTER: "1", SEI_LOCAL: "1" }));
    assert.match(two.message, /\(SEI_NODE_CLUSTER, SEI_LOCAL are set\)/);
    const three = usage(() =>
      selectMode(undefined, { SEI_NODE_CLUSTER: "1", SEI_DOCKER: "1", SEI_LOCAL: "1" }),
    );
    assert.match(three.message, /\(SEI_NODE_CLUSTER, SEI_DOCKER, SEI_LOCAL are set\)/);
  });

  test("error: an empty explicit mode is a UsageError", () => {
    usage(() => selectMode("", { SEI_LOCAL: "1" }));
  });

  test("error: a non-string explicit mode is a UsageError", () => {
    usage(() => selectMode(42 as unknown as string, {}));
  });

  test("default: reads process.env when no env is passed", () => {
    const saved = Object.fromEntries(Object.keys(MODE_ENV).map((k) => [k, process.env[k]]));
    try {
      for (const k of Object.keys(MODE_ENV)) delete process.env[k];
      process.env.SEI_DOCKER = "1";
      assert.equal(selectMode(undefined), "docker");
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});
