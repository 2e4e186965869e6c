import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { roleLabel } from "./labels.js";

const src = fileURLToPath(new URL(".", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("labels", () => {
  test("behavior: followers carry sei.io/role=node, the controller's convention", () => {
    assert.equal(roleLabel("follower"), "node");
    assert.equal(roleLabel("validator"), "validator");
    assert.equal(roleLabel("sentry"), "sentry");
  });

  test("behavior: every label key is spelled in labels.ts only", () => {
    const bare = sources(src)
      .filter((f) => relative(src, f) !== "labels.ts")
      .filter((f) => /["'`](sei\.io|app\.kubernetes\.io)\/[a-z]/.test(readFileSync(f, "utf8")))
      .map((f) => relative(src, f));
    assert.deepEqual(bare, []);
  });
});
