import type { TaskOutputs, TaskSpec } from "../../specs/types.js";
import type { TaskBackend, TaskTarget } from "../taskTarget.js";

/**
 * What one task kind needs to carry a task out, gathered once by
 * `executeTask` so each kind's module takes one argument: the spec, the node
 * and the mode's backend, the task's signal, and the resource name its errors
 * carry.
 */
export interface TaskContext<T extends TaskTarget = TaskTarget> {
  spec: TaskSpec;
  node: T;
  backend: TaskBackend<T>;
  signal: AbortSignal;
  /** `task/<name>`, for errors. */
  resource: string;
}

/** Carries out a task of one kind and returns its outputs, shaped as the SeiNodeTask CRD reports them. */
export type RunTaskKind = <T extends TaskTarget>(context: TaskContext<T>) => Promise<TaskOutputs>;
