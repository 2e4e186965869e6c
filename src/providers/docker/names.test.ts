import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { resourceName } from "./names.js";

describe("docker names", () => {
  test("default: Docker names carry the namespace", () => {
    assert.equal(resourceName("ci", "devnet-0"), "seinet-ci-devnet-0");
    assert.notEqual(resourceName("a", "x"), resourceName("b", "x"));
  });
});
