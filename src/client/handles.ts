import type { SeidResult } from "../chain/seidCommand.js";
import type { TestAccount } from "../chain/testAccount.js";
import type {
  NetworkPhase,
  NodePhase,
  TaskKind,
  TaskOutputs,
  TaskPhase,
  WorkflowKind,
} from "../specs/types.js";
import type { Checkpoint, CheckpointExport, CheckpointOptions } from "./checkpoint.js";
import type { DeleteOptions, DumpOptions, LogOptions, OpOptions } from "./options.js";

/** A node's or network's serving URLs; a field is `undefined` when not served. */
export interface Endpoints {
  evmRpc?: string | undefined;
  evmWs?: string | undefined;
  tendermintRpc?: string | undefined;
  rest?: string | undefined;
}

/**
 * Endpoints reachable from this machine: in-cluster URLs port-forwarded to
 * 127.0.0.1 (k8s), or the endpoints themselves where they already are. Close it
 * (or the client) to stop forwarding.
 */
export interface ForwardedEndpoints extends Endpoints {
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Fields and verbs every handle has. */
interface Handle<Phase extends string> {
  readonly name: string;
  /** Namespace (k8s); empty in modes without one. */
  readonly namespace: string;
  /** Phase as of the last read (`refresh`, `waitReady` or creation). */
  readonly phase: Phase | undefined;
  /** Re-reads state from the runtime. */
  refresh(options?: OpOptions): Promise<void>;
  /** Removes the resource; not-found is success, so it is safe to call twice. */
  delete(options?: DeleteOptions): Promise<void>;
  /** The mode's raw resource as last read (k8s: the custom resource). */
  object(): unknown;
  /** Lets callers opt into `await using`; calls `delete`. */
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * A genesis network. Endpoints are read from the runtime's status verbatim and
 * are `undefined` until published.
 */
export interface Network extends Handle<NetworkPhase> {
  readonly chainId: string;
  /** Aggregate Tendermint RPC URL. */
  readonly tendermintRpc: string | undefined;
  /** Aggregate REST (LCD) URL. */
  readonly rest: string | undefined;
  /**
   * Names of the validators, each addressable with `getNode`, in ordinal order
   * (`<network>-<ordinal>`, as the controller names them).
   */
  readonly validators: string[];
  /**
   * The account funded in genesis for the caller's transactions (local and
   * docker modes, which make the genesis); `undefined` where the mode does not.
   */
  readonly testAccount?: TestAccount | undefined;
  /**
   * The spec's `testAccounts`, funded in genesis from the public
   * `TEST_MNEMONIC` (index i is account i); empty when none were asked for or
   * the mode does not make the genesis.
   */
  readonly testAccounts?: TestAccount[];
  /** Resolves when the network is Ready and its Tendermint RPC answers /status. */
  waitReady(options?: OpOptions): Promise<void>;
  /** Endpoints usable from this machine (port-forwarded when in-cluster). */
  forward(options?: OpOptions): Promise<ForwardedEndpoints>;
  /**
   * Stops every node of the network (validators, sentry, followers), copies
   * their homes and starts them again: a consistent copy `restore` puts back
   * in seconds. A task or workflow running on the network, or another
   * checkpoint or restore of it, is a ConflictError. Local and docker modes;
   * k8s: a UsageError.
   */
  checkpoint?(options?: CheckpointOptions): Promise<Checkpoint>;
  /**
   * Stops every node, puts every home back as it was at the checkpoint and
   * starts them again; resolves when the network is Ready and every follower
   * has caught up. What was written since is gone. Every node rewinds
   * together: the set of nodes must be the one the checkpoint holds.
   */
  restore?(name: string, options?: OpOptions): Promise<void>;
  /** The network's checkpoints, oldest first. */
  checkpoints?(options?: OpOptions): Promise<Checkpoint[]>;
  /** Removes a checkpoint; an unknown name is a NotFoundError. */
  deleteCheckpoint?(name: string, options?: OpOptions): Promise<void>;
  /**
   * Writes checkpoint `name` (its validators and sentry, with the chain's
   * seid and facts) to one compressed file that a CI cache can keep:
   * `createNetwork(spec, { from: file })` (`seinet up --from FILE`) starts a
   * network from it on any machine with the same seid. Followers are not in
   * it: new ones join the new network. Local mode.
   */
  exportCheckpoint?(name: string, file: string, options?: OpOptions): Promise<CheckpointExport>;
  /**
   * Writes what a failing run needs to be understood (every node's log tail,
   * crash reason, `/status`, `/net_info`, configs, genesis, heights over a few
   * seconds; never a key) to a directory or `.tgz`, and resolves with its
   * path: `dumpNetwork` on the handle. Local and docker modes.
   */
  dump?(options?: DumpOptions): Promise<string>;
}

/** A follower RPC node. */
export interface Node extends Handle<NodePhase> {
  /** Name of the network this node follows (its chain id is the network's `chainId`). */
  readonly network: string;
  /** `validator`, `sentry` or `follower`, where the mode tells them apart (local, docker). */
  readonly role?: string;
  readonly evmRpc: string | undefined;
  readonly evmWs: string | undefined;
  readonly tendermintRpc: string | undefined;
  readonly rest: string | undefined;
  /** Resolves when the node is Running and its EVM RPC (else /status) answers. */
  waitReady(options?: OpOptions): Promise<void>;
  /** Endpoints usable from this machine (port-forwarded when in-cluster). */
  forward(options?: OpOptions): Promise<ForwardedEndpoints>;
  /** The node's log, line by line; `follow` keeps it open until the signal aborts. */
  logs(options?: LogOptions): AsyncIterable<string>;
  /**
   * Fault injection, where the runtime makes it real (local: SIGSTOP of the
   * node's process group; docker: `docker pause`): freezes seid; its ports
   * stay bound but nothing answers. k8s: a UsageError.
   */
  pause?(options?: OpOptions): Promise<void>;
  /** Resumes a paused node (local: SIGCONT; docker: `docker unpause`). */
  unpause?(options?: OpOptions): Promise<void>;
  /**
   * Fault injection: cuts the node off every peer, both ways, while it keeps
   * running (local: its links on the network's P2P relay are cut, open
   * connections closed; docker: `docker network disconnect`, so its endpoints
   * are `undefined` until `reconnect`, which may publish them on new host
   * ports). k8s: a UsageError.
   */
  disconnect?(options?: OpOptions): Promise<void>;
  /** Puts a disconnected node back in touch with its peers (those not themselves disconnected). */
  reconnect?(options?: OpOptions): Promise<void>;
  /**
   * Fault injection: kills the node at once (local: SIGKILL; docker: the
   * container killed; k8s: its pod deleted, which its StatefulSet makes
   * again). Locally and in docker it then reads Failed with why.
   */
  kill?(options?: OpOptions): Promise<void>;
  /** Starts the node again on the same home or volume (local, docker); k8s: a UsageError. */
  restart?(options?: OpOptions): Promise<void>;
  /**
   * Runs the node's own seid against it (local: a child process on its home;
   * docker: `docker exec` in its container), so scripts written for `seid tx`
   * and `seid q` work unchanged: its client.toml points at this node and its
   * chain, and its test keyring holds the validator's key under the node's
   * name (validators) and the network's test account as `test-account`. A
   * non-zero exit is returned, not thrown.
   */
  seid?(args: readonly string[], options?: SeidOptions): Promise<SeidResult>;
}

/** Options of {@link Node.seid}. */
export interface SeidOptions extends OpOptions {
  /** Text fed to seid's stdin (a mnemonic for `keys add --recover`, a `y` to confirm). */
  input?: string;
  /** `"pipe"` (default) captures stdout and stderr in the result; `"inherit"` passes them through. */
  stdio?: "pipe" | "inherit";
}

/** A one-shot operation against a node. */
export interface Task extends Handle<TaskPhase> {
  readonly kind: TaskKind;
  /** Outputs as of the last read; complete once the task is Complete. */
  readonly outputs: TaskOutputs | undefined;
  /** Resolves with the outputs when Complete; rejects with FailedError when Failed. */
  wait(options?: OpOptions): Promise<TaskOutputs>;
}

/** A multi-step workflow against a node. */
export interface Workflow extends Handle<TaskPhase> {
  readonly kind: WorkflowKind;
  /** Resolves when Complete; rejects with FailedError when Failed. */
  wait(options?: OpOptions): Promise<void>;
}
