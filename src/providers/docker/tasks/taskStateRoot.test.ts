import assert from "node:assert/strict";
import { homedir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { dockerTaskRoot } from "./taskStateRoot.js";

describe("dockerTaskRoot", () => {
  test("default: under XDG_STATE_HOME, one directory per engine", () => {
    assert.equal(
      dockerTaskRoot("ABCD:EF12", undefined, { XDG_STATE_HOME: "/s" }),
      "/s/seinet/docker/ABCD_EF12",
    );
  });

  test("default: ~/.local/state without XDG_STATE_HOME", () => {
    assert.equal(
      dockerTaskRoot("e1", undefined, {}),
      join(homedir(), ".local", "state", "seinet", "docker", "e1"),
    );
  });

  test("args: stateDir wins; an engine without an ID still gets a directory", () => {
    assert.equal(dockerTaskRoot("", "/tmp/x", { XDG_STATE_HOME: "/s" }), "/tmp/x/engine");
  });
});
