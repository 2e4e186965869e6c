import assert from "node:assert/strict";
import { test } from "node:test";
import { ownLabels } from "./recreateNodeContainer.js";

test("default: labels inherited from the image are dropped; seinet's own stay", () => {
  const image = { "sei.io/seid-version": "v6.5.2", "sei.io/seid-commit": "ab13" };
  const container = { ...image, "sei.io/seinetwork": "devnet", "sei.io/role": "node" };
  assert.deepEqual(ownLabels(container, image), { "sei.io/seinetwork": "devnet", "sei.io/role": "node" });
});

test("behavior: a label set on the container over the image's value is the container's own", () => {
  assert.deepEqual(ownLabels({ team: "a" }, { team: "b" }), { team: "a" });
  assert.deepEqual(ownLabels({ team: "a" }, {}), { team: "a" });
});
