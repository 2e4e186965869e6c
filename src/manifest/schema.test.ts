// The published JSON Schema must name exactly the keys seinet's validation
// accepts, so an editor never completes a key `seinet up -f` then refuses.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { UsageError } from "../errors/usage.js";
import { validateNetworkSpec } from "../specs/validateNetworkSpec.js";
import { validateNodeSpec } from "../specs/validateNodeSpec.js";
import { MANIFEST_KEYS, RUN_KEYS } from "./validateManifest.js";

const schema = JSON.parse(readFileSync(new URL("../../schema/seinet.schema.json", import.meta.url), "utf8"));

/** The keys a validator knows, as its unknown-field message lists them. */
function knownKeys(validate: (spec: unknown) => unknown): string[] {
  try {
    validate({ "zz-unknown": 1 });
  } catch (err) {
    assert.ok(err instanceof UsageError);
    const list = /\(known: ([^)]*)\)/.exec(err.message)?.[1];
    if (list) return list.split(", ").sort();
  }
  assert.fail("no known-keys list");
}

const props = (o: { properties: object }) => Object.keys(o.properties).sort();

test("behavior: the schema's keys are the validators' keys", () => {
  assert.deepEqual(props(schema), [...MANIFEST_KEYS].sort());
  assert.deepEqual(props(schema.properties.run), [...RUN_KEYS].sort());
  assert.deepEqual(props(schema.$defs.network), knownKeys(validateNetworkSpec));
  assert.deepEqual(props(schema.$defs.follower), knownKeys(validateNodeSpec));
});
