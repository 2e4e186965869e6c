import type { NodeRole } from "../chain/config.js";
import type { ChainRuntime } from "../chain/runtime.js";
import type { NodePhase, UpdateNodeImageSpec } from "../specs/types.js";

/**
 * The node a task acts on, as the shared task code needs it: where its seid
 * runs (`runtime`) and how that seid reaches the node (`home`, `txNode`),
 * apart from how this process reaches it (`rest`). The local mode runs seid on
 * the host against loopback ports; the docker mode runs it inside the node's
 * container against `127.0.0.1:26657` there.
 */
export interface TaskTarget {
  name: string;
  namespace: string;
  role: NodeRole;
  /** Chain id of the node's network. */
  chainId: string;
  /** The node's home, as `runtime` sees it. */
  home: string;
  /** Tendermint RPC for `seid tx --node`, as seen from where `runtime` runs. */
  txNode: string;
  /** REST from this process; undefined while the node does not serve it. */
  rest: string | undefined;
  runtime: ChainRuntime;
}

/** A node's state as a task sees it: its phase, and a scheduled-upgrade halt. */
export interface TaskNodeView {
  phase: NodePhase;
  reason?: string | undefined;
  exitCode?: number | undefined;
  /** The upgrade seid stopped for, when it halted at a scheduled height. */
  halt?: { upgrade: string; height: number } | undefined;
  /** Tendermint RPC from this process while the node runs (it may move on a restart). */
  tendermintRpc?: string | undefined;
}

/**
 * What a mode provides so the shared runner can run tasks on its nodes. `T`
 * is the mode's target: a {@link TaskTarget} plus what the mode itself needs
 * (a record, a container).
 */
export interface TaskBackend<T extends TaskTarget> {
  /** The namespace a spec's empty namespace means. */
  namespace(ns: string | undefined): string;
  /** The node a task names, with its network's chain id; NotFoundError when either is missing. */
  target(namespace: string, node: string, signal?: AbortSignal): Promise<T>;
  view(target: T): Promise<TaskNodeView>;
  /** Checks an UpdateNodeImage payload before anything changes: a UsageError on what this mode cannot run. */
  checkUpdate(update: UpdateNodeImageSpec, target: T, signal?: AbortSignal): Promise<void>;
  /** Runs the node on what `update` names, same home; resolves with what it now runs. */
  update(update: UpdateNodeImageSpec, target: T, signal: AbortSignal): Promise<string>;
  /** Restarts the node's seid on the same home and the same software. */
  restart(target: T, signal: AbortSignal): Promise<void>;
}
