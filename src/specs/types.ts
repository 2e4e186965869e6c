/** Vesting schedule of a genesis account. */
export interface VestingSpec {
  /** Amount that vests, with denom (e.g. `1000usei`). */
  amount: string;
  /** Unix seconds when vesting ends (≥ 1). */
  endTime: number;
  /** Delayed (all at `endTime`) instead of continuous vesting. */
  delayed?: boolean;
}

/** An account funded in genesis. */
export interface GenesisAccount {
  /** Bech32 `sei1…` address. */
  address: string;
  /** Coins with denom, e.g. `1000000usei`. */
  balance: string;
  vesting?: VestingSpec;
}

/** Phases of a network, as SeiNetwork's status has them. */
export type NetworkPhase =
  | "Pending"
  | "Initializing"
  | "Ready"
  | "Paused"
  | "Degraded"
  | "Failed"
  | "Terminating";

/**
 * Phases of a node, as SeiNode's status has them, plus `Halted` (local and
 * docker modes): seid stopped itself at a scheduled upgrade height and waits
 * for the new binary. A halted node is not Failed.
 */
export type NodePhase = "Pending" | "Initializing" | "Running" | "Halted" | "Failed" | "Terminating";

/** Phases of a task or workflow. */
export type TaskPhase = "Pending" | "Running" | "Complete" | "Failed";

/**
 * State-sync snapshots a network's nodes take, so a follower can join from a
 * recent height instead of replaying every block. Maps to app.toml's
 * `[state-sync] snapshot-interval` and `snapshot-keep-recent`.
 */
export interface SnapshotsSpec {
  /** Take a snapshot every `interval` blocks (integer ≥ 1). */
  interval: number;
  /** How many recent snapshots each node keeps and serves (integer ≥ 1; default 2, seid's own). */
  keepRecent?: number;
}

/**
 * A genesis network of N validators. Its chain id is the name unless
 * `chainId` says otherwise.
 */
export interface NetworkSpec {
  /** DNS-1123 label, ≤ 63 chars; names the network's resources. */
  name: string;
  /**
   * Chain id of the new chain (DNS-1123 label, ≤ 50 chars: Tendermint's
   * limit); default: `name`. Lets suites that assume an id such as `sei` run
   * on networks whose names a CI runner keeps unique. Networks with one chain
   * id never peer with each other: each node dials only its own network.
   */
  chainId?: string;
  /** Namespace (k8s); empty means the client's default. */
  namespace?: string;
  /** Container image (docker, k8s). */
  image?: string;
  /** seid binary path (local). */
  binary?: string;
  /** Validator count: 1, or 3 and more (2 deadlocks block sync). */
  validators: number;
  /** Accounts funded in genesis. */
  accounts?: GenesisAccount[];
  /**
   * Fund this many EVM accounts in genesis (1..256), derived from seinet's
   * public `TEST_MNEMONIC` at indexes 0..N-1 and each associated with its sei
   * address: one per parallel test worker, so no two workers share a nonce.
   * Read them back as `network.testAccounts` (local, docker).
   */
  testAccounts?: number;
  /** Genesis overrides by dotted path, JSON values. */
  genesis?: Record<string, unknown>;
  /** config.toml/app.toml overrides by dotted key, string values. */
  config?: Record<string, string>;
  /** Extra labels on the network's resources. */
  labels?: Record<string, string>;
  /**
   * What happens to validators when the network is deleted (k8s). Default
   * "Delete": everything goes with the network. "Retain" (the CRD's own
   * default) has the controller orphan the SeiNodes, which keep running.
   */
  deletionPolicy?: "Delete" | "Retain";
  /** Sidecar image (k8s). */
  sidecarImage?: string;
  /** State-sync snapshots the network's nodes take and serve to followers that ask for `stateSync`. */
  snapshots?: SnapshotsSpec;
}

/** State sync bootstrap for a follower. */
export interface StateSyncSpec {
  /** ≥ 2 distinct bare `host:port` Tendermint RPC servers. */
  rpcServers: string[];
}

/** A follower RPC node peered to a network's validators. */
export interface NodeSpec {
  /** DNS-1123 label, ≤ 63 chars. */
  name: string;
  /** The network (chain id) to follow. */
  network: string;
  /** Namespace of the node (k8s). */
  namespace?: string;
  /** Namespace of the network; defaults to the node's namespace. */
  networkNamespace?: string;
  image?: string;
  binary?: string;
  /** config.toml/app.toml overrides by dotted key. */
  config?: Record<string, string>;
  labels?: Record<string, string>;
  stateSync?: StateSyncSpec;
}

/** Kinds of one-shot operations run against a node. */
export type TaskKind =
  | "GovSoftwareUpgrade"
  | "GovVote"
  | "GovParamChange"
  | "AwaitNodesAtHeight"
  | "UpdateNodeImage"
  | "RestartSeid";

/** Fields common to governance transactions. */
export interface GovTxSpec {
  chainId: string;
  /** Fee with denom, e.g. `20000usei`. */
  fees: string;
  gas: number;
  /** Keyring key that signs; the node's default when empty. */
  keyName?: string;
  memo?: string;
}

/** Submits a software-upgrade proposal. */
export interface GovSoftwareUpgradeSpec extends GovTxSpec {
  title: string;
  description: string;
  initialDeposit: string;
  upgradeName: string;
  upgradeHeight: number;
  upgradeInfo?: string;
}

/** Votes on a proposal. */
export interface GovVoteSpec extends GovTxSpec {
  proposalId: number;
  option: "yes" | "no" | "abstain" | "no_with_veto";
}

/** One parameter change: the params subspace, the key in it, the new value as JSON text. */
export interface ParamChange {
  subspace: string;
  key: string;
  /** JSON text of the value, e.g. `"\"100s\""` or `"10"`. */
  value: string;
}

/** Submits a parameter-change proposal. */
export interface GovParamChangeSpec extends GovTxSpec {
  title: string;
  description: string;
  initialDeposit: string;
  /** At least one change. */
  changes: ParamChange[];
}

/** Restarts the node's seid on the same home (no payload fields). */
export type RestartSeidSpec = Record<string, never>;

/** Waits until the target's chain reaches a height. */
export interface AwaitNodesAtHeightSpec {
  targetHeight: number;
}

/**
 * Rolls the node onto another seid: `image` in the docker and k8s modes,
 * `binary` (a path or an installed version such as `v6.6.2`) in the local mode.
 */
export interface UpdateNodeImageSpec {
  image?: string;
  binary?: string;
}

/** A one-shot operation against one node; exactly one payload, matching `kind`. */
export interface TaskSpec {
  name: string;
  namespace?: string;
  /** Name of the node the task acts on. */
  node: string;
  kind: TaskKind;
  /** Deadline for the task in ms; at least 1000 (the runtime counts whole seconds). */
  timeout?: number;
  /** Wait until the target node is in this phase before acting. */
  requirePhase?: "Pending" | "Initializing" | "Running" | "Failed" | "Terminating";
  /** How long to wait for `requirePhase`, ms (≥ 1000); not charged to `timeout`. */
  requirePhaseTimeout?: number;
  labels?: Record<string, string>;
  govSoftwareUpgrade?: GovSoftwareUpgradeSpec;
  govVote?: GovVoteSpec;
  awaitNodesAtHeight?: AwaitNodesAtHeightSpec;
  updateNodeImage?: UpdateNodeImageSpec;
  govParamChange?: GovParamChangeSpec;
  restartSeid?: RestartSeidSpec;
}

/** Outputs a completed task reports, keyed like its payload. */
export interface TaskOutputs {
  govSoftwareUpgrade?: { proposalId?: number; txHash?: string; height?: number };
  govVote?: { txHash?: string; height?: number };
  awaitNodesAtHeight?: { currentHeight?: number };
  updateNodeImage?: { appliedImage?: string };
  govParamChange?: { proposalId?: number; txHash?: string; height?: number };
}

/** Kinds of multi-step workflows. */
export type WorkflowKind = "StateSync";

/** A multi-step workflow against one node. */
export interface WorkflowSpec {
  name: string;
  namespace?: string;
  node: string;
  kind: WorkflowKind;
  labels?: Record<string, string>;
  stateSync?: {
    /** ≥ 2 distinct bare `host:port`. */
    rpcServers: string[];
    /** Optional storage migration after the sync. */
    migration?: { kind: "GigaStore"; gigaStore?: { backend?: "pebbledb" | "rocksdb" } };
  };
}
