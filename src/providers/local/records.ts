import type { NodeRole } from "../../chain/config.js";
import type { NodePorts } from "../../chain/ports.js";
import type { StateSyncSettings } from "../../chain/stateSyncSettings.js";
import type { TestAccount } from "../../chain/testAccount.js";
import type { SnapshotsSpec } from "../../specs/types.js";
import type { RelayRecord } from "./relay/relayProcess.js";
import type { RelayPorts } from "./relay/relayRoutes.js";

/** Where a record is in its life; the process table says the rest. */
export type RecordState = "initializing" | "started" | "terminating";

/** The seid a node runs. */
export interface SeidRef {
  path: string;
  version?: string | undefined;
  commit?: string | undefined;
}

/** A node on disk: validator, sentry or follower. `object()` returns it. */
export interface NodeRecord {
  kind: "node";
  name: string;
  namespace: string;
  /** Name of the network it belongs to. */
  network: string;
  /** Namespace of that network. */
  networkNamespace: string;
  role: NodeRole;
  /** Validators only: the controller's `<network>-<ordinal>`. */
  ordinal?: number;
  seid: SeidRef;
  ports: NodePorts;
  /** Tendermint node id, for peering. */
  nodeId: string;
  /** Host peers dial. */
  host: string;
  home: string;
  logFile: string;
  labels: Record<string, string>;
  config?: Record<string, string>;
  /** Its ports on the network's P2P relay; absent when the network peers directly. */
  relay?: RelayPorts;
  /** Set when it bootstraps from a snapshot: it is Initializing until its RPC says it caught up. */
  stateSync?: StateSyncSettings;
  createdAt: string;
  state: RecordState;
}

/** A network on disk. */
export interface NetworkRecord {
  kind: "network";
  name: string;
  namespace: string;
  chainId: string;
  /** Validator node names, ordinal order. */
  validators: string[];
  /** The full node a lone validator's network runs so followers have two peers. */
  sentry?: string;
  seid: SeidRef;
  testAccount: TestAccount;
  /** How many `testAccounts` its genesis funds (absent: none). */
  testAccounts?: number;
  /** The state-sync snapshots its validators and sentry take; absent, followers cannot state-sync. */
  snapshots?: SnapshotsSpec;
  /** The relay every P2P connection of its nodes goes through; absent when they peer directly. */
  relay?: RelayRecord;
  /** The warm template (its key) it was cloned from: its followers start from the template's chain data. */
  template?: string;
  labels: Record<string, string>;
  createdAt: string;
  state: RecordState;
  /** Set when a restore failed part-way: the network reads Failed, with this reason, until one succeeds. */
  failure?: string;
}

/** A node's process as started: the shell wrapper's group and seid itself. */
export interface ProcRecord {
  /** Process group (the wrapper shell's pid). */
  pgid: number;
  /** seid's pid. */
  pid: number;
  startedAt: string;
  /** The log's size when this seid started: what it wrote begins there (absent in records of older versions). */
  logFrom?: number;
}

/** A task on disk: the shape every mode that runs tasks in-process shares. */
export type { TaskRecord } from "../../tasks/taskRecord.js";
