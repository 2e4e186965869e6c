import { parse, stringify } from "smol-toml";
import type { SnapshotsSpec } from "../specs/types.js";
import { getDotted, hasDotted, setDotted } from "./dottedPath.js";
import type { NodePorts } from "./ports.js";
import { snapshotSettings } from "./snapshotSettings.js";
import { type StateSyncSettings, stateSyncSettings } from "./stateSyncSettings.js";

/** What a node is in its network; decides Tendermint's `mode`. */
export type NodeRole = "validator" | "sentry" | "follower";

/** Everything the config patch needs to know about one node. */
export interface NodeConfigInput {
  role: NodeRole;
  ports: NodePorts;
  /** Interface Tendermint, REST and gRPC listen on (`127.0.0.1` locally; `0.0.0.0` in a container). */
  listenHost: string;
  /** Host and port other nodes dial, as `host:port`. */
  externalAddress: string;
  /** `id@host:port` of the nodes to keep connected to. */
  peers: readonly string[];
  /** The caller's dotted-key overrides, string values. */
  overrides?: Readonly<Record<string, string>> | undefined;
  /** State-sync snapshots this node takes and serves. */
  snapshots?: SnapshotsSpec | undefined;
  /** The node's moniker, when its config came from another node's home (`seid init` wrote its own otherwise). */
  moniker?: string | undefined;
  /** Bootstrap from a snapshot instead of replaying blocks. */
  stateSync?: StateSyncSettings | undefined;
}

/** A config.toml / app.toml pair as text, as seid reads them. */
export interface ConfigFiles {
  configToml: string;
  appToml: string;
}

/** A dotted key that neither file has: the caller's typo, reported by name. */
export class UnknownConfigKeyError extends Error {
  constructor(readonly key: string) {
    super(`\`config\` key "${key}" is in neither config.toml nor app.toml.`);
    this.name = "UnknownConfigKeyError";
  }
}

/** A value that cannot take the type the key has in the file. */
export class BadConfigValueError extends Error {
  constructor(
    readonly key: string,
    readonly value: string,
    readonly expected: string,
  ) {
    super(`\`config\` key "${key}" takes ${expected}, got ${JSON.stringify(value)}.`);
    this.name = "BadConfigValueError";
  }
}

type Doc = Record<string, unknown>;

/** Tendermint settings: mode, loopback listeners, peers, limits raised for many nodes on one host. */
function patchConfig(doc: Doc, input: NodeConfigInput): void {
  const { ports, listenHost } = input;
  const set = (key: string, value: unknown) => setDotted(doc, key, value);
  // `seid init` writes mode "full"; a validator must say so to sign blocks.
  // (`init --mode validator` would also turn EVM, REST and gRPC off.)
  set("mode", input.role === "validator" ? "validator" : "full");
  if (input.moniker !== undefined) set("moniker", input.moniker);
  set("rpc.laddr", `tcp://${listenHost}:${ports.rpc}`);
  set("rpc.pprof-laddr", "");
  set("p2p.laddr", `tcp://${listenHost}:${ports.p2p}`);
  set("p2p.external-address", input.externalAddress);
  set("p2p.persistent-peers", input.peers.join(","));
  set("p2p.pex", false);
  // Every peer shares one IP on a single host: allow it, and raise the per-IP limit.
  set("p2p.allow-duplicate-ip", true);
  set("p2p.max-incoming-connection-attempts", 10_000);
  set("instrumentation.prometheus", false);
  // Full nodes follow a fast chain by consensus gossip, one block per round
  // trip; at the default 100 ms sleep they fall behind a chain that makes more
  // than ~3 blocks a second while still reporting catching_up false.
  set("consensus.peer-gossip-sleep-duration", "10ms");
  if (input.stateSync)
    for (const [key, value] of Object.entries(stateSyncSettings(input.stateSync))) set(key, value);
}

/** Cosmos and EVM listeners on the node's own ports; telemetry off. */
function patchApp(doc: Doc, input: NodeConfigInput): void {
  const { ports, listenHost } = input;
  const set = (key: string, value: unknown) => setDotted(doc, key, value);
  set("api.enable", true);
  set("api.address", `tcp://${listenHost}:${ports.rest}`);
  set("grpc.address", `${listenHost}:${ports.grpc}`);
  set("grpc-web.address", `${listenHost}:${ports.grpcWeb}`);
  // evmrpc binds 0.0.0.0 whatever is configured; only the ports can be chosen.
  set("evm.http_enabled", true);
  set("evm.http_port", ports.evmHttp);
  set("evm.ws_enabled", true);
  set("evm.ws_port", ports.evmWs);
  set("telemetry.enabled", false);
  // memiavl keeps state in memory and persists it through its changelog; with
  // the default queue of 100 commits, a seid that exits abruptly (the panic at
  // a scheduled upgrade, or a kill) loses the versions still queued. A node
  // that block-synced fast then restarts far below its block store, and a new
  // binary cannot replay blocks from before its upgrade. Writing each commit
  // before the next block keeps the app height on disk equal to the last commit.
  set("state-commit.sc-async-commit-buffer", 0);
  if (input.snapshots)
    for (const [key, value] of Object.entries(snapshotSettings(input.snapshots))) set(key, value);
}

function coerce(key: string, current: unknown, value: string): unknown {
  if (typeof current === "number") {
    // Keep the file's own kind of number: an integer key takes only an integer.
    const integer = Number.isInteger(current);
    const ok = integer ? /^-?\d+$/.test(value.trim()) : /^-?\d+(\.\d+)?$/.test(value.trim());
    if (!ok) throw new BadConfigValueError(key, value, integer ? "an integer" : "a number");
    return Number(value);
  }
  if (typeof current === "boolean") {
    if (value !== "true" && value !== "false") throw new BadConfigValueError(key, value, '"true" or "false"');
    return value === "true";
  }
  if (Array.isArray(current)) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed;
    } catch {}
    throw new BadConfigValueError(key, value, 'a JSON array (e.g. ["kv"])');
  }
  return value;
}

/**
 * Applies the caller's dotted keys to whichever file has the key (config.toml
 * first), keeping the type the file gives it. Unknown keys are refused by name.
 */
export function applyConfigOverrides(
  config: Doc,
  app: Doc,
  overrides: Readonly<Record<string, string>>,
): void {
  for (const [key, value] of Object.entries(overrides)) {
    const target = hasDotted(config, key) ? config : hasDotted(app, key) ? app : undefined;
    if (!target) throw new UnknownConfigKeyError(key);
    setDotted(target, key, coerce(key, getDotted(target, key), value));
  }
}

/**
 * Rewrites a node's config.toml and app.toml for its role, ports and peers,
 * then the caller's overrides, through a TOML parser rather than text edits.
 */
export function patchConfigFiles(files: ConfigFiles, input: NodeConfigInput): ConfigFiles {
  const config = parse(files.configToml) as Doc;
  const app = parse(files.appToml) as Doc;
  patchConfig(config, input);
  patchApp(app, input);
  if (input.overrides) applyConfigOverrides(config, app, input.overrides);
  return { configToml: `${stringify(config)}\n`, appToml: `${stringify(app)}\n` };
}
