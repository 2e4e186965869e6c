import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { nodeIdFromNodeKey } from "./nodeId.js";
import { IDENTITY_FILES, newNodeIdentity } from "./nodeIdentity.js";

const file = (id: ReturnType<typeof newNodeIdentity>, path: string) =>
  id.files.find((f) => f.path === path)?.data ?? "";

test("newNodeIdentity: the node id is the one its node_key.json gives", () => {
  const id = newNodeIdentity();
  assert.match(id.nodeId, /^[0-9a-f]{40}$/);
  assert.equal(nodeIdFromNodeKey(file(id, "config/node_key.json")), id.nodeId);
  assert.deepEqual(
    id.files.map((f) => f.path),
    [...IDENTITY_FILES],
    "IDENTITY_FILES names what it writes",
  );
});

test("newNodeIdentity: the consensus key's address is sha256(pub)[:20], its pubkey file agrees, its sign state is zero", () => {
  const id = newNodeIdentity();
  const key = JSON.parse(file(id, "config/priv_validator_key.json"));
  const pub = Buffer.from(key.pub_key.value, "base64");
  assert.equal(pub.length, 32);
  assert.deepEqual(Buffer.from(key.priv_key.value, "base64").subarray(32), pub);
  assert.equal(
    key.address,
    createHash("sha256").update(pub).digest().subarray(0, 20).toString("hex").toUpperCase(),
  );
  assert.equal(file(id, "config/validator_pubkey.txt"), `validator:ed25519:public:${pub.toString("hex")}`);
  assert.deepEqual(JSON.parse(file(id, "data/priv_validator_state.json")), {
    height: "0",
    round: 0,
    step: 0,
  });
});

test("newNodeIdentity: two calls never share a key", () => {
  const a = newNodeIdentity();
  const b = newNodeIdentity();
  assert.notEqual(a.nodeId, b.nodeId);
  assert.notEqual(file(a, "config/priv_validator_key.json"), file(b, "config/priv_validator_key.json"));
});
