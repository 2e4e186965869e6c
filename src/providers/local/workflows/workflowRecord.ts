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
  /** The process running it; a Running workflow whose runner is gone reads as Failed. */
  runnerPid: number;
  createdAt: string;
  finishedAt?: string;
}

function runnerAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A record as read, with a vanished runner turned into Failed (nothing will finish it). */
export function effectiveWorkflow(record: WorkflowRecord): WorkflowRecord {
  if ((record.phase === "Running" || record.phase === "Pending") && !runnerAlive(record.runnerPid)) {
    return { ...record, phase: "Failed", reason: `the process that ran it (pid ${record.runnerPid}) exited` };
  }
  return record;
}
