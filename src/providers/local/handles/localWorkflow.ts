import type { Workflow } from "../../../client/handles.js";
import type { OpOptions } from "../../../client/options.js";
import type { WorkflowKind } from "../../../specs/types.js";
import type { RecordFiles } from "../../../tasks/recordFiles.js";
import { StoredRunHandle } from "../../../tasks/storedRunHandle.js";
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
export class LocalWorkflow extends StoredRunHandle<WorkflowRecord> implements Workflow {
  constructor(ops: LocalWorkflowOps, record: WorkflowRecord) {
    super(
      "workflow",
      {
        read: (namespace, name) => ops.files.read(namespace, name),
        cancel: (namespace, name) => ops.cancelWorkflow(namespace, name),
      },
      record,
    );
  }

  get kind(): WorkflowKind {
    return this.record.spec.kind;
  }

  /** Resolves once Complete; Failed rejects with the reason and, when the node died, its log tail. */
  async wait(options: OpOptions = {}): Promise<void> {
    await this.settle(options);
  }
}
