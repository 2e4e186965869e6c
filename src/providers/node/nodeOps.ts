import type { NodeRole } from "../../chain/config.js";
import type { SeidCommand } from "../../chain/seidCommand.js";
import type { TestAccount } from "../../chain/testAccount.js";
import type { Endpoints } from "../../client/handles.js";
import type { DeleteOptions, LogOptions } from "../../client/options.js";
import type { NetworkPhase, NodePhase } from "../../specs/types.js";
import type { CheckpointOps } from "./checkpointOps.js";

/** What the shared handles read from a mode's view of a node. */
export interface NodeFacts {
  name: string;
  namespace: string;
  network: string;
  /** Namespace of the network it runs (a follower may live in another). */
  networkNamespace: string;
  role: NodeRole;
  /** seid runs (a paused container still counts). */
  alive: boolean;
  phase: NodePhase;
  /** Why it is Failed or Halted, in words. */
  reason: string | undefined;
  exitCode: number | undefined;
  /** What it serves now: empty unless Running, never guessed. */
  endpoints: Endpoints;
}

/** What the shared handles read from a mode's view of a network. */
export interface NetworkFacts<V> {
  name: string;
  namespace: string;
  chainId: string;
  validators: readonly string[];
  testAccount: TestAccount | undefined;
  /** How many `testAccounts` its genesis funds. */
  testAccountCount: number;
  /** Its validators (in ordinal order) and its sentry, as read with it. */
  nodes: readonly V[];
  phase: NetworkPhase;
  reason: string | undefined;
}

/**
 * Fault injection a mode can make real. Each verb acts on the runtime and
 * maps the runtime's refusal to a typed error; the handle reads the node back.
 */
export interface NodeFaults<V> {
  /** Freezes seid; its ports stay bound. */
  pause(view: V, signal: AbortSignal | undefined): Promise<void>;
  unpause(view: V, signal: AbortSignal | undefined): Promise<void>;
  /** Cuts the node off its network's peers. */
  disconnect(view: V, signal: AbortSignal | undefined): Promise<void>;
  reconnect(view: V, signal: AbortSignal | undefined): Promise<void>;
  /** Kills seid at once (SIGKILL, or the container killed): the node reads Failed with why. */
  kill?(view: V, signal: AbortSignal | undefined): Promise<void>;
  /** Starts a killed, stopped or running node again from the same home or volume. */
  restart?(view: V, signal: AbortSignal | undefined): Promise<void>;
}

/** A provider's reads and deletes by name: what every adapter passes through. */
export interface NodeReads<N, V> {
  viewNode(namespace: string, name: string, signal?: AbortSignal): Promise<V>;
  viewNetwork(namespace: string, name: string, signal?: AbortSignal): Promise<N>;
  deleteNode(namespace: string, name: string, options: DeleteOptions): Promise<void>;
  deleteNetwork(namespace: string, name: string, options: DeleteOptions): Promise<void>;
}

/**
 * What differs between the local and docker modes under one set of handles:
 * how a node or network is read, deleted, logged and shown raw. `N` and `V`
 * are the mode's own network and node views.
 */
export interface NodeOps<N, V> extends NodeReads<N, V> {
  /** Per-request bound of a readiness probe, ms. */
  readonly probeRequestMs: number;
  /** Fault injection, where the mode makes it real; absent, node handles have no fault verbs. */
  readonly faults?: NodeFaults<V> | undefined;
  /** Checkpoint and restore of whole networks. */
  readonly checkpoints: CheckpointOps<N>;
  nodeFacts(view: V): NodeFacts;
  networkFacts(view: N): NetworkFacts<V>;
  /** The node's raw resource for `object()` (cloned by the handle). */
  nodeObject(view: V): unknown;
  /** The network's raw resources for `object()` (cloned by the handle). */
  networkObject(view: N): unknown;
  logs(view: V, options: LogOptions): AsyncIterable<string>;
  /** Runs the node's own seid with its home: a child process (local) or `docker exec` (docker). */
  seidCommand(view: V): SeidCommand;
  /** The part of a dead node's log that says why it died, for its FailedError. */
  crashLog(view: V, signal?: AbortSignal): Promise<string | undefined>;
}

/** Binds a provider's reads and deletes, so an adapter object can carry them. */
export function boundReads<N, V>(provider: NodeReads<N, V>): NodeReads<N, V> {
  return {
    viewNode: (namespace, name, signal) => provider.viewNode(namespace, name, signal),
    viewNetwork: (namespace, name, signal) => provider.viewNetwork(namespace, name, signal),
    deleteNode: (namespace, name, options) => provider.deleteNode(namespace, name, options),
    deleteNetwork: (namespace, name, options) => provider.deleteNetwork(namespace, name, options),
  };
}
