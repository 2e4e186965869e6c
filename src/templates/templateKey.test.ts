import assert from "node:assert/strict";
import { test } from "node:test";
import { TEMPLATE_FORMAT, templateFacts, templateKey } from "./templateKey.js";

const seid = { commit: "3e7d5dd", version: "v6.6.2", path: "/x/seid" };
const key = (spec: Parameters<typeof templateFacts>[0], s = seid) =>
  templateKey(templateFacts(spec, "local", s));

test("default: equal specs give equal keys whatever the key order; the name only through the chain id", () => {
  const a = key({ name: "a", chainId: "c", validators: 1, config: { "x.y": "1", "a.b": "2" } });
  const b = key({ name: "b", chainId: "c", validators: 1, config: { "a.b": "2", "x.y": "1" } });
  assert.equal(a, b);
  assert.match(a, /^[0-9a-f]{24}$/);
  assert.notEqual(
    key({ name: "a", validators: 1 }),
    key({ name: "b", validators: 1 }),
    "chain id defaults to the name",
  );
});

test("behavior: every fact that makes the chain changes the key", () => {
  const base = { name: "n", chainId: "c", validators: 1 };
  const keys = new Set([
    key(base),
    key({ ...base, validators: 4 }),
    key({ ...base, chainId: "d" }),
    key({ ...base, genesis: { "consensus_params.block.max_gas": "1" } }),
    key({ ...base, config: { "mempool.size": "10" } }),
    key({ ...base, accounts: [{ address: "sei1x", balance: "1usei" }] }),
    key({ ...base, testAccounts: 4 }),
    key(base, { ...seid, commit: "other" }),
  ]);
  assert.equal(keys.size, 8);
  assert.equal(templateFacts(base, "local", seid).format, TEMPLATE_FORMAT);
});
