import { DEFAULT_WAIT_READY_MS } from "../../../client/defaults.js";
import type { Workflow } from "../../../client/handles.js";
import type { DeleteOptions, OpOptions } from "../../../client/options.js";
import type { TaskPhase, WorkflowKind } from "../../../specs/types.js";
import type { RecordFiles } from "../../../tasks/recordFiles.js";
import { settled, waitStoredRun } from "../../../tasks/storedRun.js";
import type { WorkflowRecord } from "../workflows/workflowRecord.js";

/** What a local workflow handle needs from its runner. */
export interface LocalWorkflowOps {
  readonly files: RecordFiles<WorkflowRecord>;
  cancelWorkflow(namespace: string, name: string): Promise<void>;
}

/**
 * A workflow run by the local mode, read from its record on disk, so a handle
 * from `getWorkflow` in another process sees the same phase. `object()` is the
 * record: its `step` says where a running workflow is, `outputs` what a
 * completed StateSync measured.
 */
export class LocalWorkflow implements Workflow {
  readonly name: string;
  readonly namespace: string;
  #record: WorkflowRecord;
  readonly #ops: LocalWorkflowOps;

  constructor(ops: LocalWorkflowOps, record: WorkflowRecord) {
    this.#ops = ops;
    this.#record = settled(record);
    this.name = record.name;
    this.namespace = record.namespace;
  }

  get kind(): WorkflowKind {
    return this.#record.spec.kind;
  }

  get phase(): TaskPhase {
    return this.#record.phase;
  }

  object(): unknown {
    return structuredClone(this.#record);
  }

  async refresh(): Promise<void> {
    const record = await this.#ops.files.read(this.namespace, this.name);
    if (record) this.#record = settled(record);
  }

  /** Resolves once Complete; Failed rejects with the reason and, when the node died, its log tail. */
  async wait(options: OpOptions = {}): Promise<void> {
    const signal = options.signal ?? AbortSignal.timeout(DEFAULT_WAIT_READY_MS);
    await waitStoredRun(
      "workflow",
      this.name,
      async () => {
        await this.refresh();
        return this.#record;
      },
      signal,
    );
  }

  /** Cancels the workflow if this process runs it, and removes its record; safe to call twice. */
  async delete(_options: DeleteOptions = {}): Promise<void> {
    await this.#ops.cancelWorkflow(this.namespace, this.name);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.delete();
  }
}
