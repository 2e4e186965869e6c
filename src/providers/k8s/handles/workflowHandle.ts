import type { Workflow } from "../../../client/handles.js";
import type { OpOptions } from "../../../client/options.js";
import { FailedError } from "../../../errors/failed.js";
import type { TaskPhase, WorkflowKind } from "../../../specs/types.js";
import type { K8sContext } from "../context.js";
import { type CustomResource, SEI_NODE_TASK_WORKFLOW } from "../resources.js";
import { describeStatus, failureReason, phaseOf } from "../status.js";
import { waitFor } from "../waitFor.js";
import { waitSignal } from "./deadline.js";
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
    const signal = waitSignal(options.signal);
    await waitFor(
      this.api,
      SEI_NODE_TASK_WORKFLOW,
      this.namespace,
      this.name,
      (obj) => {
        const phase = phaseOf(obj);
        if (phase === "Complete") return { done: true, value: undefined };
        if (phase === "Failed") {
          throw new FailedError(`Workflow "${this.name}" failed.`, {
            resource: `workflow/${this.name}`,
            phase,
            reason: failureReason(obj),
          });
        }
        return { done: false, note: describeStatus(obj) };
      },
      { signal, what: `waiting for workflow "${this.name}" to finish`, onObject: (obj) => this.observe(obj) },
    );
  }
}
