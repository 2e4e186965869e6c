import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parse } from "smol-toml";
import { nodeFiles } from "./ceremony.js";
import {
  BadConfigValueError,
  type ConfigFiles,
  type NodeConfigInput,
  UnknownConfigKeyError,
  applyConfigOverrides,
  patchConfigFiles,
} from "./config.js";
import type { NodePorts } from "./ports.js";

// Trimmed copies of what `seid init` writes: dashed Tendermint keys, the
// top-level `mode`, an array, and the app.toml sections seinet touches.
const CONFIG_TOML = `# This is a TOML config file.
proxy-app = "tcp://127.0.0.1:26658"
moniker = "node0"
mode = "full"
db-backend = "goleveldb"
db-dir = "data"
log-level = "info"
log-format = "plain"
genesis-file = "config/genesis.json"
node-key-file = "config/node_key.json"
filter-peers = false

[rpc]
laddr = "tcp://127.0.0.1:26657"
cors-allowed-origins = []
cors-allowed-methods = ["HEAD", "GET", "POST"]
unsafe = false
max-open-connections = 900
max-subscription-clients = 100
timeout-broadcast-tx-commit = "10s"
max-body-bytes = 1000000
pprof-laddr = "localhost:6060"

[p2p]
queue-type = "simple-priority"
laddr = "tcp://0.0.0.0:26656"
external-address = ""
bootstrap-peers = ""
persistent-peers = ""
upnp = false
max-connections = 64
max-incoming-connection-attempts = 100
pex = true
private-peer-ids = ""
allow-duplicate-ip = false
handshake-timeout = "20s"
dial-timeout = "3s"

[mempool]
size = 5000
cache-size = 10000
keep-invalid-txs-in-cache = false

[consensus]
wal-file = "data/cs.wal/wal"
create-empty-blocks = true
create-empty-blocks-interval = "0s"
double-sign-check-height = 0

[tx-index]
indexer = ["kv"]

[instrumentation]
prometheus = true
prometheus-listen-addr = ":26660"
max-open-connections = 3
namespace = "tendermint"
`;

const APP_TOML = `minimum-gas-prices = "0.01usei"
pruning = "default"
halt-height = 0
inter-block-cache = true

[state-commit]
sc-enable = true
sc-async-commit-buffer = 100

[telemetry]
service-name = ""
enabled = true
prometheus-retention-time = 0
global-labels = []

[api]
enable = false
swagger = false
address = "tcp://0.0.0.0:1317"
max-open-connections = 1000

[grpc]
enable = true
address = "0.0.0.0:9090"

[grpc-web]
enable = true
address = "0.0.0.0:9091"
enable-unsafe-cors = false

[state-sync]
snapshot-interval = 0
snapshot-keep-recent = 2

[evm]
http_enabled = true
http_port = 8545
ws_enabled = true
ws_port = 8546
cors_origins = "*"
max_log_no_block = 10000
`;

const FILES: ConfigFiles = { configToml: CONFIG_TOML, appToml: APP_TOML };

const PORTS: NodePorts = {
  p2p: 21001,
  rpc: 21002,
  rest: 21003,
  evmHttp: 21004,
  evmWs: 21005,
  grpc: 21006,
  grpcWeb: 21007,
};

const PEERS = ["aa@127.0.0.1:22001", "bb@127.0.0.1:22002", "cc@127.0.0.1:22003"];

function input(overrides: Partial<NodeConfigInput> = {}): NodeConfigInput {
  return {
    role: "validator",
    ports: PORTS,
    listenHost: "127.0.0.1",
    externalAddress: "127.0.0.1:21001",
    peers: PEERS,
    ...overrides,
  };
}

type Section = Record<string, unknown>;
/** The parsed files, with the sections the tests read. */
type Doc = Record<string, unknown> & {
  [K in
    | "rpc"
    | "p2p"
    | "mempool"
    | "consensus"
    | "instrumentation"
    | "api"
    | "grpc"
    | "grpc-web"
    | "evm"
    | "telemetry"
    | "state-commit"]: Section;
};

function patched(over: Partial<NodeConfigInput> = {}): { config: Doc; app: Doc; files: ConfigFiles } {
  const files = patchConfigFiles(FILES, input(over));
  return { config: parse(files.configToml) as Doc, app: parse(files.appToml) as Doc, files };
}

describe("patchConfigFiles", () => {
  test("default: a validator is mode validator, listens on its own ports, dials its peers", () => {
    const { config, app } = patched();
    assert.equal(config.mode, "validator");
    assert.equal(config.rpc.laddr, "tcp://127.0.0.1:21002");
    assert.equal(config.rpc["pprof-laddr"], "");
    assert.equal(config.p2p.laddr, "tcp://127.0.0.1:21001");
    assert.equal(config.p2p["external-address"], "127.0.0.1:21001");
    assert.equal(config.p2p["persistent-peers"], "aa@127.0.0.1:22001,bb@127.0.0.1:22002,cc@127.0.0.1:22003");
    assert.equal(config.p2p.pex, false);
    assert.equal(config.p2p["allow-duplicate-ip"], true);
    assert.equal(config.p2p["max-incoming-connection-attempts"], 10_000);
    assert.equal(config.instrumentation.prometheus, false);

    assert.equal(app.api.enable, true);
    assert.equal(app.api.address, "tcp://127.0.0.1:21003");
    assert.equal(app.grpc.address, "127.0.0.1:21006");
    assert.equal(app["grpc-web"].address, "127.0.0.1:21007");
    assert.equal(app.evm.http_enabled, true);
    assert.equal(app.evm.http_port, 21004);
    assert.equal(app.evm.ws_enabled, true);
    assert.equal(app.evm.ws_port, 21005);
    assert.equal(app.telemetry.enabled, false);
    assert.equal(
      app["state-commit"]["sc-async-commit-buffer"],
      0,
      "each commit written before the next block",
    );
    assert.equal(app["state-commit"]["sc-enable"], true);
  });

  test("default: keys seinet does not touch keep their values and types", () => {
    const { config, app } = patched();
    assert.equal(config["proxy-app"], "tcp://127.0.0.1:26658");
    assert.equal(config.moniker, "node0");
    assert.deepEqual((config["tx-index"] as Record<string, unknown>).indexer, ["kv"]);
    assert.deepEqual(config.rpc["cors-allowed-methods"], ["HEAD", "GET", "POST"]);
    assert.deepEqual(config.rpc["cors-allowed-origins"], []);
    assert.equal(config.rpc["max-open-connections"], 900);
    assert.equal(config.consensus["create-empty-blocks"], true);
    assert.equal(config.instrumentation["prometheus-listen-addr"], ":26660");
    assert.equal(app["minimum-gas-prices"], "0.01usei");
    assert.equal(app.evm.cors_origins, "*");
    assert.equal(app["grpc-web"]["enable-unsafe-cors"], false);
  });

  test("behavior: follower and sentry run as mode full", () => {
    assert.equal(patched({ role: "follower" }).config.mode, "full");
    assert.equal(patched({ role: "sentry" }).config.mode, "full");
  });

  test("behavior: listeners follow listenHost (a container's 0.0.0.0)", () => {
    const { config, app } = patched({ listenHost: "0.0.0.0" });
    assert.equal(config.rpc.laddr, "tcp://0.0.0.0:21002");
    assert.equal(config.p2p.laddr, "tcp://0.0.0.0:21001");
    assert.equal(app.api.address, "tcp://0.0.0.0:21003");
    assert.equal(app.grpc.address, "0.0.0.0:21006");
    assert.equal(app["grpc-web"].address, "0.0.0.0:21007");
  });

  test("behavior: no peers is an empty persistent-peers; one peer has no comma", () => {
    assert.equal(patched({ peers: [] }).config.p2p["persistent-peers"], "");
    assert.equal(patched({ peers: ["aa@h:1"] }).config.p2p["persistent-peers"], "aa@h:1");
  });

  test("behavior: the input files are not changed and the output ends with a newline", () => {
    const before = { ...FILES };
    const { files } = patched();
    assert.deepEqual(FILES, before);
    assert.ok(files.configToml.endsWith("\n"));
    assert.ok(files.appToml.endsWith("\n"));
  });

  test("behavior: the round trip parses again and patching twice is stable", () => {
    const once = patchConfigFiles(FILES, input());
    const twice = patchConfigFiles(once, input());
    assert.deepEqual(parse(twice.configToml), parse(once.configToml));
    assert.deepEqual(parse(twice.appToml), parse(once.appToml));
  });

  test("behavior: overrides keep the type the file gives the key", () => {
    const { config, app } = patched({
      overrides: {
        "rpc.max-open-connections": "1200",
        "consensus.create-empty-blocks": "false",
        "tx-index.indexer": '["kv","psql"]',
        "log-level": "debug",
        "mempool.size": "0",
        "evm.http_port": "30000",
        "evm.cors_origins": "http://localhost",
        pruning: "nothing",
        "grpc.enable": "true",
      },
    });
    assert.equal(config.rpc["max-open-connections"], 1200);
    assert.equal(config.consensus["create-empty-blocks"], false);
    assert.deepEqual((config["tx-index"] as Record<string, unknown>).indexer, ["kv", "psql"]);
    assert.equal(config["log-level"], "debug");
    assert.equal(config.mempool.size, 0);
    assert.equal(app.evm.http_port, 30000);
    assert.equal(app.evm.cors_origins, "http://localhost");
    assert.equal(app.pruning, "nothing");
    assert.equal(app.grpc.enable, true);
  });

  test("behavior: overrides are applied after seinet's own patch, so the caller wins", () => {
    const { config, app } = patched({
      overrides: {
        mode: "seed",
        "p2p.pex": "true",
        "instrumentation.prometheus": "true",
        "api.enable": "false",
      },
    });
    assert.equal(config.mode, "seed");
    assert.equal(config.p2p.pex, true);
    assert.equal(config.instrumentation.prometheus, true);
    assert.equal(app.api.enable, false);
  });

  test("behavior: a key both files have lands in config.toml", () => {
    const files = patchConfigFiles(
      { configToml: `${CONFIG_TOML}\n[shared]\nvalue = 1\n`, appToml: `${APP_TOML}\n[shared]\nvalue = 2\n` },
      input({ overrides: { "shared.value": "7" } }),
    );
    assert.equal((parse(files.configToml).shared as Record<string, unknown>).value, 7);
    assert.equal((parse(files.appToml).shared as Record<string, unknown>).value, 2);
  });

  test("error: an unknown key is refused by name", () => {
    assert.throws(
      () => patchConfigFiles(FILES, input({ overrides: { "p2p.no-such-key": "1" } })),
      (err: unknown) =>
        err instanceof UnknownConfigKeyError &&
        err.key === "p2p.no-such-key" &&
        err.message === '`config` key "p2p.no-such-key" is in neither config.toml nor app.toml.',
    );
    // A section is not a prefix match, and prototype names are not keys.
    for (const key of ["rpc.laddr.port", "nosection.laddr", "toString", "__proto__.x", "evm.constructor"]) {
      assert.throws(
        () => patchConfigFiles(FILES, input({ overrides: { [key]: "1" } })),
        (err: unknown) => err instanceof UnknownConfigKeyError && err.key === key,
        key,
      );
    }
  });

  test("error: a value that is not a number for a number key", () => {
    for (const bad of ["", " ", "ten", "12abc", "NaN", "Infinity", "1.5", "0x10", "1e3"]) {
      assert.throws(
        () => patchConfigFiles(FILES, input({ overrides: { "rpc.max-open-connections": bad } })),
        (err: unknown) =>
          err instanceof BadConfigValueError &&
          err.key === "rpc.max-open-connections" &&
          err.value === bad &&
          err.message ===
            `\`config\` key "rpc.max-open-connections" takes an integer, got ${JSON.stringify(bad)}.`,
        JSON.stringify(bad),
      );
    }
  });

  test("error: a value that is not true/false for a boolean key", () => {
    for (const bad of ["yes", "1", "TRUE", ""]) {
      assert.throws(
        () => patchConfigFiles(FILES, input({ overrides: { "p2p.upnp": bad } })),
        (err: unknown) =>
          err instanceof BadConfigValueError &&
          err.key === "p2p.upnp" &&
          err.message === `\`config\` key "p2p.upnp" takes "true" or "false", got ${JSON.stringify(bad)}.`,
        bad,
      );
    }
  });

  test("error: a value that is not a JSON array for an array key", () => {
    for (const bad of ["kv", '"kv"', "{}", "[kv]"]) {
      assert.throws(
        () => patchConfigFiles(FILES, input({ overrides: { "tx-index.indexer": bad } })),
        (err: unknown) =>
          err instanceof BadConfigValueError &&
          err.key === "tx-index.indexer" &&
          err.expected === 'a JSON array (e.g. ["kv"])',
        bad,
      );
    }
  });

  test("error: a bad value in app.toml names its key too", () => {
    assert.throws(
      () => patchConfigFiles(FILES, input({ overrides: { "evm.ws_port": "port" } })),
      (err: unknown) => err instanceof BadConfigValueError && err.key === "evm.ws_port",
    );
  });

  test("error: a file that is not TOML is not silently rewritten", () => {
    assert.throws(() => patchConfigFiles({ configToml: "mode = ", appToml: APP_TOML }, input()));
  });
});

describe("applyConfigOverrides", () => {
  test("default: no overrides change nothing", () => {
    const config = { mode: "full", rpc: { laddr: "x" } };
    const app = { api: { enable: false } };
    applyConfigOverrides(config, app, {});
    assert.deepEqual(config, { mode: "full", rpc: { laddr: "x" } });
    assert.deepEqual(app, { api: { enable: false } });
  });

  test("behavior: an integer key takes integers, a decimal key decimals, negatives included", () => {
    const config: Record<string, unknown> = { a: 1, b: 0.8 };
    applyConfigOverrides(config, {}, { a: "-5", b: "2.5" });
    assert.deepEqual(config, { a: -5, b: 2.5 });
    assert.throws(() => applyConfigOverrides({ a: 1 }, {}, { a: "2.5" }), BadConfigValueError);
  });

  test("behavior: a string key takes the value as written, even one that looks like a number", () => {
    const app: Record<string, unknown> = { s: "x" };
    applyConfigOverrides({}, app, { s: "42" });
    assert.equal(app.s, "42");
  });
});

describe("nodeFiles", () => {
  test("default: genesis, both configs patched from the given ones, and a client.toml, all under the home's config", () => {
    const files = nodeFiles("/homes/n0", { chainId: "c-1", genesis: '{"chain_id":"c-1"}' }, input(), FILES);
    assert.deepEqual(
      files.map((f) => f.path),
      ["genesis.json", "config.toml", "app.toml", "client.toml"].map((f) => `/homes/n0/config/${f}`),
    );
    assert.equal(files[0]?.data, '{"chain_id":"c-1"}');
    assert.deepEqual(files[1]?.data, patchConfigFiles(FILES, input()).configToml);
    const client = parse(files[3]?.data ?? "") as Record<string, unknown>;
    assert.equal(client["chain-id"], "c-1");
    assert.equal(client.node, "tcp://127.0.0.1:21002");
  });
});
