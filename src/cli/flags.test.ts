import assert from "node:assert/strict";
import { test } from "node:test";
import { UsageError } from "../errors/usage.js";
import { modeFlag } from "./flags.js";

test("default: the local mode, unless --mode or $SEINET_MODE says docker", () => {
  assert.equal(modeFlag({}, {}), "local");
  assert.equal(modeFlag({}, { SEINET_MODE: "docker" }), "docker");
  assert.equal(modeFlag({ mode: "local" }, { SEINET_MODE: "docker" }), "local", "the flag wins");
  assert.equal(modeFlag({}, { SEINET_MODE: "" }), "local", "an empty variable is unset");
});

test("error: another mode names where it came from", () => {
  assert.throws(
    () => modeFlag({ mode: "k8s" }, {}),
    (err: unknown) => err instanceof UsageError && err.field === "--mode" && /got "k8s"/.test(err.message),
  );
  assert.throws(
    () => modeFlag({}, { SEINET_MODE: "Docker" }),
    (err: unknown) =>
      err instanceof UsageError && err.field === "SEINET_MODE" && /got "Docker"/.test(err.message),
  );
});
