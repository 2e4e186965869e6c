import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { compareNodes, followerPeers, networkTopology, validatorNames } from "./topology.js";

describe("networkTopology", () => {
  test("default: validators are `<network>-<ordinal>` in ordinal order, no sentry past one", () => {
    const t = networkTopology({ name: "devnet", validators: 4 });
    assert.deepEqual(t.validators, ["devnet-0", "devnet-1", "devnet-2", "devnet-3"]);
    assert.equal(t.sentry, undefined);
    assert.deepEqual(
      t.members.map((m) => [m.name, m.role, m.ordinal]),
      t.validators.map((name, i) => [name, "validator", i]),
    );
  });

  test("behavior: a lone validator's network runs `<network>-sentry` after it", () => {
    const t = networkTopology({ name: "solo", validators: 1 });
    assert.deepEqual(t.validators, ["solo-0"]);
    assert.equal(t.sentry, "solo-sentry");
    assert.deepEqual(t.members, [
      { name: "solo-0", role: "validator", ordinal: 0 },
      { name: "solo-sentry", role: "sentry" },
    ]);
  });

  test("args: validatorNames of 0 is empty", () => {
    assert.deepEqual(validatorNames("x", 0), []);
  });
});

describe("followerPeers", () => {
  test("default: every running node of the network but the follower itself", () => {
    const nodes = [
      { name: "solo-0", running: true },
      { name: "solo-sentry", running: true },
      { name: "rpc-a", running: true },
      { name: "rpc-b", running: true },
      { name: "rpc-c", running: false },
    ];
    assert.deepEqual(
      followerPeers("rpc-b", nodes).map((n) => n.name),
      ["solo-0", "solo-sentry", "rpc-a"],
    );
  });
});

describe("compareNodes", () => {
  test("default: by network, then validators by ordinal, the sentry, followers by name", () => {
    const n = (
      network: string,
      name: string,
      role: "validator" | "sentry" | "follower",
      ordinal?: number,
    ) => ({
      network,
      name,
      role,
      ordinal,
    });
    const sorted = [
      n("b", "b-0", "validator", 0),
      n("a", "rpc-z", "follower"),
      n("a", "a-sentry", "sentry"),
      n("a", "rpc-a", "follower"),
      n("a", "a-10", "validator", 10),
      n("a", "a-2", "validator", 2),
    ].sort(compareNodes);
    assert.deepEqual(
      sorted.map((x) => x.name),
      ["a-2", "a-10", "a-sentry", "rpc-a", "rpc-z", "b-0"],
    );
  });
});
