import type { TaskOutputs, TaskPhase, TaskSpec } from "../specs/types.js";

/**
 * A task as stored, the same shape in every mode that runs tasks in the
 * calling process, so `getTask` reads it back from any process and
 * `object()` shows what the runner last wrote.
 */
export interface TaskRecord {
  kind: "task";
  name: string;
  namespace: string;
  spec: TaskSpec;
  phase: TaskPhase;
  outputs?: TaskOutputs;
  /** Why it failed, verbatim (a tx's raw log, a node's exit). */
  reason?: string;
  logTail?: string;
  /** The process running it; a Running task whose runner is gone reads as Failed. */
  runnerPid: number;
  createdAt: string;
  finishedAt?: string;
}
