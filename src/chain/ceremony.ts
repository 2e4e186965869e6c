import { posix } from "node:path";
import type { GenesisAccount, SnapshotsSpec } from "../specs/types.js";
import { KEYRING_BACKEND, clientToml } from "./clientConfig.js";
import { type ConfigFiles, type NodeConfigInput, patchConfigFiles } from "./config.js";
import { VALIDATOR_BALANCE, VALIDATOR_STAKE } from "./defaults.js";
import {
  type FundedAccount,
  type GenesisDoc,
  addAccounts,
  applyGenesisOverrides,
  pinValidators,
  usei,
} from "./genesis.js";
import { nodeIdFromNodeKey, peerAddress } from "./nodeId.js";
import type { ChainRuntime, FileToWrite } from "./runtime.js";
import type { StateSyncSettings } from "./stateSyncSettings.js";

const KEYRING = ["--keyring-backend", KEYRING_BACKEND] as const;

/** One node's home and how others reach it. */
export interface HomePlan {
  /** Moniker and keyring key name; the node's name. */
  name: string;
  /** Home directory as the runtime sees it. */
  home: string;
  /** Host other nodes dial for P2P (`127.0.0.1`, or a container name). */
  p2pHost: string;
  /** Tendermint settings for this node, less the peers (the ceremony wires those). */
  config: Omit<NodeConfigInput, "peers" | "overrides">;
}

/** Input of {@link runGenesisCeremony}. */
export interface GenesisCeremonyInput {
  chainId: string;
  validators: readonly HomePlan[];
  /** Full nodes made with the network (the lone validator's sentry). */
  fullNodes?: readonly HomePlan[];
  /** Accounts the caller funds; vesting ones go through `add-genesis-account`. */
  accounts?: readonly GenesisAccount[];
  /** Plain accounts seinet funds (the test account). */
  extraAccounts?: readonly FundedAccount[];
  genesisOverrides?: Readonly<Record<string, unknown>>;
  configOverrides?: Readonly<Record<string, string>>;
  /** State-sync snapshots every node of the network takes. */
  snapshots?: SnapshotsSpec | undefined;
  /**
   * Where node `from` dials node `to`, when not straight at its P2P port (the
   * local mode's relay); undefined keeps the direct address.
   */
  route?: PeerRoute | undefined;
  signal?: AbortSignal;
  /** Called as each step starts, for progress output. */
  onStep?: (step: string) => void;
}

/** Where one node dials another, as `host:port`; undefined for the direct address. */
export type PeerRoute = (from: string, to: string) => { host: string; port: number } | undefined;

/** What the ceremony made, per node and for the chain. */
export interface GenesisCeremonyResult {
  genesis: string;
  nodes: { name: string; nodeId: string; address?: string }[];
}

const cfg = (home: string, file: string) => posix.join(home, "config", file);

async function initHome(rt: ChainRuntime, plan: HomePlan, chainId: string, signal?: AbortSignal) {
  await rt.seid(["init", plan.name, "--chain-id", chainId, "--home", plan.home], signal);
  return nodeIdFromNodeKey(await rt.readFile(cfg(plan.home, "node_key.json")));
}

async function readConfig(rt: ChainRuntime, home: string): Promise<ConfigFiles> {
  const [configToml, appToml] = (await rt.readFiles([cfg(home, "config.toml"), cfg(home, "app.toml")])) as [
    string,
    string,
  ];
  return { configToml, appToml };
}

/**
 * A node's genesis and config files, from the config it holds now: its
 * role's listeners, its peers, the caller's overrides, and a client.toml that
 * points `seid` run with this home at this node. For a caller that writes
 * them with other files in one go.
 */
export function nodeFiles(
  home: string,
  chain: { chainId: string; genesis: string },
  input: NodeConfigInput,
  current: ConfigFiles,
): FileToWrite[] {
  const patched = patchConfigFiles(current, input);
  return [
    { path: cfg(home, "genesis.json"), data: chain.genesis },
    { path: cfg(home, "config.toml"), data: patched.configToml },
    { path: cfg(home, "app.toml"), data: patched.appToml },
    { path: cfg(home, "client.toml"), data: clientToml(chain.chainId, input.ports.rpc) },
  ];
}

/**
 * Writes a node's genesis and config ({@link nodeFiles}). Used for
 * validators, sentries and followers alike.
 */
export async function writeNodeFiles(
  rt: ChainRuntime,
  home: string,
  chain: { chainId: string; genesis: string },
  input: NodeConfigInput,
  current?: ConfigFiles,
): Promise<void> {
  await rt.writeFiles(nodeFiles(home, chain, input, current ?? (await readConfig(rt, home))));
}

/**
 * Makes a new chain's homes: `init` and a test-keyring key per validator (in
 * parallel), funded accounts, a gentx per validator whose memo wires the peer
 * mesh, `collect-gentxs`, one genesis copied to every home, then each node's
 * config. Every validator is pinned into genesis `validators`: a lone one then
 * starts consensus at once, and a state-syncing follower has a validator set.
 */
export async function runGenesisCeremony(
  rt: ChainRuntime,
  input: GenesisCeremonyInput,
): Promise<GenesisCeremonyResult> {
  const { chainId, validators, signal } = input;
  const fullNodes = input.fullNodes ?? [];
  const step = input.onStep ?? (() => {});
  const first = validators[0];
  if (!first) throw new Error("a network needs at least one validator");

  step("init");
  // Every home at once. A key waits for its home's init: seid writes default
  // config files on any command, which would make a concurrent init refuse.
  const [made, full] = await Promise.all([
    Promise.all(
      validators.map(async (v) => {
        const nodeId = await initHome(rt, v, chainId, signal);
        const key = JSON.parse(
          await rt.seid(["keys", "add", v.name, ...KEYRING, "--home", v.home, "--output", "json"], signal),
        ) as { address: string };
        return { plan: v, nodeId, address: key.address };
      }),
    ),
    Promise.all(fullNodes.map(async (n) => ({ plan: n, nodeId: await initHome(rt, n, chainId, signal) }))),
  ]);

  step("accounts");
  const genesisPath = cfg(first.home, "genesis.json");
  const genesis = JSON.parse(await rt.readFile(genesisPath)) as GenesisDoc;
  const plain: FundedAccount[] = [
    ...made.map((m) => ({ address: m.address, coins: usei(VALIDATOR_BALANCE) })),
    ...(input.extraAccounts ?? []),
    ...(input.accounts ?? [])
      .filter((a) => !a.vesting)
      .map((a) => ({ address: a.address, coins: a.balance })),
  ];
  addAccounts(genesis, plain);
  let funded = JSON.stringify(genesis);
  await rt.writeFile(genesisPath, funded);
  const vesting = (input.accounts ?? []).filter((a) => a.vesting);
  for (const account of vesting) {
    const v = account.vesting!;
    const args = ["add-genesis-account", account.address, account.balance, "--home", first.home];
    args.push("--vesting-amount", v.amount, "--vesting-end-time", String(v.endTime));
    if (!v.delayed) args.push("--vesting-start-time", String(Math.floor(Date.now() / 1000)));
    await rt.seid(args, signal);
  }
  if (vesting.length > 0) funded = await rt.readFile(genesisPath);

  step("gentx");
  const gentxDir = posix.join(first.home, "config", "gentx");
  await rt.mkdir(gentxDir);
  await Promise.all(
    made.map(async (m) => {
      const home = m.plan.home;
      if (home !== first.home) await rt.writeFile(cfg(home, "genesis.json"), funded);
      // Every home is reachable from where seid runs: each gentx lands where collect-gentxs reads.
      const out = posix.join(gentxDir, `gentx-${m.plan.name}.json`);
      await rt.seid(
        [
          "gentx",
          m.plan.name,
          usei(VALIDATOR_STAKE),
          "--chain-id",
          chainId,
          "--home",
          home,
          ...KEYRING,
          "--moniker",
          m.plan.name,
          "--node-id",
          m.nodeId,
          "--ip",
          m.plan.p2pHost,
          "--p2p-port",
          String(m.plan.config.ports.p2p),
          "--output-document",
          out,
        ],
        signal,
      );
    }),
  );

  step("collect-gentxs");
  await rt.seid(["collect-gentxs", "--home", first.home], signal);
  const [collected, ...keys] = await rt.readFiles([
    genesisPath,
    ...made.map((m) => cfg(m.plan.home, "priv_validator_key.json")),
  ]);
  const final = JSON.parse(collected as string) as GenesisDoc;
  // Every validator is pinned, not only a lone one: a node that state-syncs
  // loads its first state from genesis `validators`, and seid refuses an empty
  // set there ("validatorSet proposer error: nil validator").
  pinValidators(
    final,
    made.map((m, i) => ({
      name: m.plan.name,
      privValidatorKeyJson: keys[i] as string,
      stake: VALIDATOR_STAKE,
    })),
  );
  applyGenesisOverrides(final, input.genesisOverrides);
  const genesisText = JSON.stringify(final, null, 1);

  step("config");
  const everyone = [...made, ...full];
  const addr = (from: string) => (e: (typeof everyone)[number]) => {
    const via = input.route?.(from, e.plan.name);
    return peerAddress(e.nodeId, via?.host ?? e.plan.p2pHost, via?.port ?? e.plan.config.ports.p2p);
  };
  await Promise.all(
    everyone.map((e) =>
      writeNodeFiles(
        rt,
        e.plan.home,
        { chainId, genesis: genesisText },
        {
          ...e.plan.config,
          peers: everyone.filter((o) => o !== e).map(addr(e.plan.name)),
          overrides: input.configOverrides,
          snapshots: input.snapshots,
        },
      ),
    ),
  );
  return {
    genesis: genesisText,
    nodes: [
      ...made.map((m) => ({ name: m.plan.name, nodeId: m.nodeId, address: m.address })),
      ...full.map((f) => ({ name: f.plan.name, nodeId: f.nodeId })),
    ],
  };
}

/** Input of {@link initFollowerHome}. */
export interface FollowerInput {
  chainId: string;
  plan: HomePlan;
  /** The network's genesis, verbatim. */
  genesis: string;
  /** `id@host:port` of the nodes to peer with. */
  peers: readonly string[];
  configOverrides?: Readonly<Record<string, string>> | undefined;
  /** Bootstrap from a snapshot instead of replaying blocks. */
  stateSync?: StateSyncSettings | undefined;
  signal?: AbortSignal;
}

/** Makes a follower's home: `init`, the network's genesis, its config and peers. Returns its node id. */
export async function initFollowerHome(rt: ChainRuntime, input: FollowerInput): Promise<string> {
  const { home } = input.plan;
  await rt.seid(["init", input.plan.name, "--chain-id", input.chainId, "--home", home], input.signal);
  const [nodeKey, configToml, appToml] = (await rt.readFiles([
    cfg(home, "node_key.json"),
    cfg(home, "config.toml"),
    cfg(home, "app.toml"),
  ])) as [string, string, string];
  const config = {
    ...input.plan.config,
    peers: input.peers,
    overrides: input.configOverrides,
    stateSync: input.stateSync,
  };
  await writeNodeFiles(rt, home, { chainId: input.chainId, genesis: input.genesis }, config, {
    configToml,
    appToml,
  });
  return nodeIdFromNodeKey(nodeKey);
}
