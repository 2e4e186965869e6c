import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parse } from "smol-toml";
import { patchConfigFiles } from "./config.js";
import type { NodePorts } from "./ports.js";
import { DEFAULT_SNAPSHOT_KEEP_RECENT, snapshotSettings } from "./snapshotSettings.js";

// The [state-sync] section of app.toml as `seid init` (v6.6.2) writes it.
const APP_TOML = `[state-sync]
snapshot-interval = 0
snapshot-keep-recent = 2
snapshot-directory = ""
`;

const PORTS: NodePorts = { p2p: 1, rpc: 2, rest: 3, evmHttp: 4, evmWs: 5, grpc: 6, grpcWeb: 7 };

function section(snapshots?: { interval: number; keepRecent?: number }): Record<string, unknown> {
  const files = patchConfigFiles(
    { configToml: 'mode = "full"\n', appToml: APP_TOML },
    {
      role: "validator",
      ports: PORTS,
      listenHost: "127.0.0.1",
      externalAddress: "127.0.0.1:1",
      peers: [],
      snapshots,
    },
  );
  return { ...(parse(files.appToml) as { "state-sync": Record<string, unknown> })["state-sync"] };
}

describe("snapshotSettings", () => {
  test("default: keep-recent is seid's own 2", () => {
    assert.equal(DEFAULT_SNAPSHOT_KEEP_RECENT, 2);
    assert.deepEqual(snapshotSettings({ interval: 10 }), {
      "state-sync.snapshot-interval": 10,
      "state-sync.snapshot-keep-recent": 2,
    });
  });

  test("args: keepRecent", () => {
    assert.equal(snapshotSettings({ interval: 10, keepRecent: 9 })["state-sync.snapshot-keep-recent"], 9);
  });

  test("behavior: patchConfigFiles writes them into app.toml as integers", () => {
    assert.deepEqual(section({ interval: 20, keepRecent: 5 }), {
      "snapshot-interval": 20,
      "snapshot-keep-recent": 5,
      "snapshot-directory": "",
    });
  });

  test("behavior: no snapshots leaves them off, as init wrote them", () => {
    assert.equal(section()["snapshot-interval"], 0);
  });
});
