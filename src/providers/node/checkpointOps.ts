import type { NodeRole } from "../../chain/config.js";
import type { SIGN_STATE_FILE } from "../../chain/signState.js";
import type { Checkpoint } from "../../client/checkpoint.js";
import type { CheckpointArchiveManifest } from "../../templates/checkpointArchive.js";

/** A node of a network as checkpoint and restore see it. */
export interface CheckpointMember {
  name: string;
  namespace: string;
  role: NodeRole;
  /** What it runs: a seid version or path (local), an image (docker). */
  seid: string;
  /** Tendermint RPC from this process while it runs. */
  tendermintRpc: string | undefined;
}

/**
 * What checkpoint and restore need from a mode: stop and start a network's
 * nodes, copy their homes out and back, keep the records. The order of the
 * steps, the checks and the failure handling are written once
 * ({@link checkpointNetwork}, {@link restoreNetwork}); a mode only moves bytes.
 * `N` is the mode's network view.
 */
export interface CheckpointOps<N> {
  /**
   * Runs `fn` holding the network's checkpoint lock, shared by every process
   * on this machine; a lock already held is a ConflictError at once.
   */
  exclusive<T>(network: N, fn: () => Promise<T>): Promise<T>;
  /** Why the network's nodes cannot be stopped now (a task or workflow running on one), else undefined. */
  busy(network: N, nodes: readonly string[]): Promise<string | undefined>;
  /** Every node of the network: validators (ordinal order), sentry, then followers. */
  members(network: N, signal: AbortSignal | undefined): Promise<CheckpointMember[]>;
  /** Stops the nodes' seids (SIGTERM, a grace, then kill), all at once. */
  stop(members: readonly CheckpointMember[], signal: AbortSignal | undefined): Promise<void>;
  /**
   * Freezes the nodes' seids where they are (local: SIGSTOP of the process
   * group; docker: `docker pause`) and resolves true once they are still, so
   * the sign states read next are the ones on disk when they end; false (all
   * let go again) when one is not still within a bound.
   */
  freeze(members: readonly CheckpointMember[]): Promise<boolean>;
  /** Lets nodes frozen by `freeze` run again. */
  thaw(members: readonly CheckpointMember[]): Promise<void>;
  /** The text of a file of a node's home (running or frozen), such as {@link SIGN_STATE_FILE}; undefined when absent. */
  readHomeFile(member: CheckpointMember, rel: string): Promise<string | undefined>;
  /**
   * Ends nodes at once, frozen or running (SIGKILL: no instruction more runs),
   * and resolves once they are gone.
   */
  kill(members: readonly CheckpointMember[]): Promise<void>;
  /**
   * Resolves once the (just started) nodes accept P2P connections (or serve
   * RPC, which seid opens in the same step), or gives up quietly at a bound.
   * Absent, followers wait for the network's first block before they start.
   */
  waitListening?(members: readonly CheckpointMember[], signal: AbortSignal | undefined): Promise<void>;
  /** Starts the nodes' seids again on their homes. */
  start(members: readonly CheckpointMember[], signal: AbortSignal | undefined): Promise<void>;
  /** Copies the stopped nodes' homes under `record.name`; resolves with the bytes the copy takes on disk. */
  save(
    network: N,
    record: Checkpoint,
    members: readonly CheckpointMember[],
    signal: AbortSignal | undefined,
  ): Promise<number>;
  /** Replaces the stopped nodes' homes with the checkpoint's copies. */
  load(
    network: N,
    record: Checkpoint,
    members: readonly CheckpointMember[],
    signal: AbortSignal | undefined,
  ): Promise<void>;
  /** Writes the record last: its presence marks a complete checkpoint. */
  write(network: N, record: Checkpoint): Promise<void>;
  read(network: N, name: string): Promise<Checkpoint | undefined>;
  /** Every complete checkpoint of the network, oldest first. */
  list(network: N): Promise<Checkpoint[]>;
  /** Removes a checkpoint, complete or partial; a missing one is success. */
  remove(network: N, name: string): Promise<void>;
  /**
   * Where a complete checkpoint's homes are on this machine (`<dir>/<node>/…`)
   * and the chain facts a portable archive of it carries. Absent in a mode
   * whose checkpoints cannot be exported yet.
   */
  exportSource?(
    network: N,
    record: Checkpoint,
  ): Promise<{ dir: string; facts: Omit<CheckpointArchiveManifest, "kind" | "format" | "checkpoint"> }>;
  /** Marks the network Failed with `reason` until a restore succeeds; undefined clears the mark. */
  markFailed(network: N, reason: string | undefined): Promise<void>;
}
