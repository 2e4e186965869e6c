import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parse } from "smol-toml";
import { type NodeConfigInput, patchConfigFiles } from "./config.js";
import type { NodePorts } from "./ports.js";
import { type StateSyncSettings, stateSyncSettings, withStateSync } from "./stateSyncSettings.js";

// The [statesync] section as `seid init` (v6.6.2) writes it.
const CONFIG_TOML = `mode = "full"

[statesync]
enable = false
use-p2p = false
rpc-servers = ""
trust-height = 0
trust-hash = ""
trust-period = "168h0m0s"
use-local-snapshot = false
`;

const PORTS: NodePorts = { p2p: 1, rpc: 2, rest: 3, evmHttp: 4, evmWs: 5, grpc: 6, grpcWeb: 7 };

const SETTINGS: StateSyncSettings = {
  rpcServers: ["127.0.0.1:26657", "127.0.0.1:26667"],
  trustHeight: 40,
  trustHash: "8B9163008B275AD261DA4CBC11C5B4EBB3CEC6D3219A2B4BD7091BC2C6E00000",
};

function statesync(over: Partial<NodeConfigInput>): Record<string, unknown> {
  const files = patchConfigFiles(
    { configToml: CONFIG_TOML, appToml: "" },
    {
      role: "follower",
      ports: PORTS,
      listenHost: "127.0.0.1",
      externalAddress: "127.0.0.1:1",
      peers: [],
      ...over,
    },
  );
  return (parse(files.configToml) as { statesync: Record<string, unknown> }).statesync;
}

describe("stateSyncSettings", () => {
  test("default: enable, RPC witnesses, the trusted block, seid's trust period, short discovery", () => {
    assert.deepEqual(stateSyncSettings(SETTINGS), {
      "statesync.enable": true,
      "statesync.use-p2p": false,
      "statesync.rpc-servers": "127.0.0.1:26657,127.0.0.1:26667",
      "statesync.trust-height": 40,
      "statesync.trust-hash": SETTINGS.trustHash,
      "statesync.trust-period": "168h0m0s",
      "statesync.discovery-time": "5s",
      "statesync.chunk-request-timeout": "5s",
    });
  });

  test("args: trustPeriod", () => {
    assert.equal(stateSyncSettings({ ...SETTINGS, trustPeriod: "24h" })["statesync.trust-period"], "24h");
  });
});

describe("patchConfigFiles with stateSync", () => {
  test("default: no stateSync leaves [statesync] as init wrote it", () => {
    const section = statesync({});
    assert.equal(section.enable, false);
    assert.equal(section["rpc-servers"], "");
    assert.equal(section["discovery-time"], undefined);
  });

  test("behavior: stateSync lands in config.toml with the file's types", () => {
    const section = statesync({ stateSync: SETTINGS });
    assert.equal(section.enable, true);
    assert.equal(section["rpc-servers"], "127.0.0.1:26657,127.0.0.1:26667");
    assert.equal(section["trust-height"], 40);
    assert.equal(section["trust-hash"], SETTINGS.trustHash);
    assert.equal(section["use-local-snapshot"], false);
  });

  test("behavior: the caller's overrides win over the bootstrap settings", () => {
    const section = statesync({ stateSync: SETTINGS, overrides: { "statesync.trust-period": "72h" } });
    assert.equal(section["trust-period"], "72h");
    assert.equal(section.enable, true);
  });
});

describe("withStateSync", () => {
  test("behavior: rewrites [statesync] of an existing config and keeps the rest", () => {
    const text = withStateSync(`${CONFIG_TOML}\n[p2p]\npex = false\n`, SETTINGS);
    const doc = parse(text) as { mode: string; p2p: { pex: boolean }; statesync: Record<string, unknown> };
    assert.equal(doc.mode, "full");
    assert.equal(doc.p2p.pex, false);
    assert.equal(doc.statesync.enable, true);
    assert.equal(doc.statesync["trust-height"], 40);
    assert.ok(text.endsWith("\n"));
  });
});
