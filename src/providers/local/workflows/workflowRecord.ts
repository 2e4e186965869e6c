import type { TaskPhase, WorkflowSpec } from "../../../specs/types.js";

/** What a completed StateSync workflow measured on its node. */
export interface StateSyncOutputs {
  /** The height the node trusted (the newest snapshot when it started). */
  trustHeight: number;
  /** The node's earliest block once caught up: above 1, so it did not replay from genesis. */
  earliestHeight: number;
}

/** A workflow on disk, so `getWorkflow` reads it from any process. */
export interface WorkflowRecord {
  kind: "workflow";
  name: string;
  namespace: string;
  spec: WorkflowSpec;
  phase: TaskPhase;
  /** The step it is at or failed in, in words. */
  step?: string;
  outputs?: StateSyncOutputs;
  /** Why it failed, verbatim. */
  reason?: string;
  logTail?: string;
  /** Bootstraps it took to complete (a failed restore is retried once). */
  attempts?: number;
  /** Why earlier bootstraps failed, when one was retried. */
  retried?: string[];
  /** The process running it; a Running workflow whose runner is gone reads as Failed. */
  runnerPid: number;
  createdAt: string;
  finishedAt?: string;
}
