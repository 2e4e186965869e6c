import type { Workflow } from "../../../client/handles.js";
import type { OpOptions } from "../../../client/options.js";
import type { TaskPhase, WorkflowKind } from "../../../specs/types.js";
import type { K8sContext } from "../context.js";
import { type CustomResource, SEI_NODE_TASK_WORKFLOW } from "../resources.js";
import { ResourceHandle } from "./resourceHandle.js";

/** A SeiNodeTaskWorkflow; `wait` resolves at Complete and rejects at Failed. */
export class K8sWorkflow extends ResourceHandle<TaskPhase> implements Workflow {
  constructor(ctx: K8sContext, namespace: string, name: string, current?: CustomResource) {
    super(ctx, SEI_NODE_TASK_WORKFLOW, namespace, name, current);
  }

  get kind(): WorkflowKind {
    return (this.current?.spec as { kind?: WorkflowKind } | undefined)?.kind as WorkflowKind;
  }

  /** Watches until a terminal phase. */
  async wait(options: OpOptions = {}): Promise<void> {
    await this.waitForPhase("Complete", options, `waiting for workflow "${this.name}" to finish`);
  }
}
