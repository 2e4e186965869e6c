import assert from "node:assert/strict";
import { test } from "node:test";
import { leftOutOfSeed, seedRefusal, seedSource } from "./followerSeed.js";
import type { NetworkTemplate } from "./templateCache.js";
import { templateFacts } from "./templateKey.js";

const template = (over: Partial<NetworkTemplate> = {}, spec = {}): NetworkTemplate => ({
  key: "abc123",
  facts: templateFacts({ name: "t", validators: 1, ...spec }, "local", { commit: "c0ffee", path: "/seid" }),
  source: "t",
  nodes: [
    { name: "t-0", role: "validator" },
    { name: "t-sentry", role: "sentry" },
  ],
  testAccount: {} as NetworkTemplate["testAccount"],
  createdAt: "2026-12-01T00:00:00.000Z",
  height: 2,
  bytes: 0,
  ...over,
});

test("seedRefusal: a follower like a fresh one of the same chain may start from the template", () => {
  assert.equal(
    seedRefusal({ template: template(), seid: "c0ffee", config: undefined, stateSync: false }),
    undefined,
  );
  const tuned = template({}, { config: { "p2p.send-rate": "1" } });
  assert.equal(
    seedRefusal({ template: tuned, seid: "c0ffee", config: { "p2p.send-rate": "1" }, stateSync: false }),
    undefined,
  );
});

test("seedRefusal: state sync, another seid, snapshots or another config start from genesis", () => {
  const base = { template: template(), seid: "c0ffee", config: undefined, stateSync: false };
  assert.match(seedRefusal({ ...base, stateSync: true }) ?? "", /state-syncs/);
  assert.match(seedRefusal({ ...base, seid: "v6.5.2" }) ?? "", /another seid/);
  assert.match(seedRefusal({ ...base, config: { "p2p.send-rate": "1" } }) ?? "", /config differs/);
  const snapshots = template({}, { snapshots: { interval: 10, keepRecent: 2 } });
  assert.match(seedRefusal({ ...base, template: snapshots }) ?? "", /snapshots/);
});

test("seedSource: the sentry when there is one, else the first validator", () => {
  assert.equal(seedSource(template()), "t-sentry");
  const four = template({
    nodes: [0, 1, 2, 3].map((i) => ({ name: `t-${i}`, role: "validator" as const })),
  });
  assert.equal(seedSource(four), "t-0");
});

test("leftOutOfSeed: chain data is taken; keys, sign state, WAL, keyring, gentxs, peer memory and compiled modules are not", () => {
  for (const rel of [
    "data/tendermint/blockstore.db/000001.log",
    "data/state_commit/memiavl/current",
    "wasm/wasm/state/wasm/abc.wasm",
    "config/config.toml",
    "config/genesis.json",
  ])
    assert.equal(leftOutOfSeed(rel), false, rel);
  for (const rel of [
    "config/node_key.json",
    "config/priv_validator_key.json",
    "data/priv_validator_state.json",
    "data/tendermint/cs.wal",
    "data/tendermint/cs.wal/wal",
    "keyring-test/t-0.info",
    "config/gentx/gentx-1.json",
    "config/addrbook.json",
    "data/tendermint/peerstore.db/000001.log",
    "wasm/wasm/cache/modules/v9-wasmer5/x/abc.module",
  ])
    assert.equal(leftOutOfSeed(rel), true, rel);
});
