import type { OpOptions } from "./options.js";

/**
 * A consistent copy of every node of a network (validators, sentry and
 * followers), taken with their seids stopped, so the network can be put back
 * as it was: restoring skips InitChain and the block history since.
 */
export interface Checkpoint {
  name: string;
  /** The network it was taken of. */
  network: string;
  namespace: string;
  /** The chain's latest height as its nodes were stopped. */
  height: number;
  /** What the nodes ran: seid versions (local) or images (docker), each once. */
  seid: string[];
  /** The nodes it holds, in the order they were copied. */
  nodes: string[];
  /** ISO time it was taken. */
  createdAt: string;
  /** Bytes it takes on disk (sparse files and hard-linked SSTs count what they use, not their length). */
  bytes: number;
  /** How long the nodes were stopped for the copy, ms. */
  copyMs: number;
  /**
   * Whether the validators were ended at a safe point (README, "Where
   * validators stop"). False when none came within the bound and they were
   * stopped where they were: a restart from it may not get past its first
   * height. Absent in records written before it existed.
   */
  safePoint?: boolean;
}

/** Options of {@link Network.checkpoint}. */
export interface CheckpointOptions extends OpOptions {
  /** Name of the checkpoint, unique in its network; default `cp-<time>`. */
  name?: string;
}

/** A checkpoint written to one portable file by {@link Network.exportCheckpoint}. */
export interface CheckpointExport {
  /** The archive written (gzip'd tar, mode 0600: it holds the chain's keys). */
  file: string;
  /** Its size. */
  bytes: number;
  /** The checkpoint it holds. */
  checkpoint: Checkpoint;
  chainId: string;
  /** The seid the chain needs: a network started from the file must run the same commit. */
  seid: { version?: string | undefined; commit?: string | undefined };
}
