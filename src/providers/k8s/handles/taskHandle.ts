import type { Task } from "../../../client/handles.js";
import type { OpOptions } from "../../../client/options.js";
import { FailedError } from "../../../errors/failed.js";
import type { TaskKind, TaskOutputs, TaskPhase } from "../../../specs/types.js";
import type { K8sContext } from "../context.js";
import { type CustomResource, SEI_NODE_TASK } from "../resources.js";
import { describeStatus, failureReason, phaseOf } from "../status.js";
import { waitFor } from "../waitFor.js";
import { waitSignal } from "./deadline.js";
import { ResourceHandle } from "./resourceHandle.js";

/** A SeiNodeTask; `wait` returns its typed outputs once Complete. */
export class K8sTask extends ResourceHandle<TaskPhase> implements Task {
  constructor(ctx: K8sContext, namespace: string, name: string, current?: CustomResource) {
    super(ctx, SEI_NODE_TASK, namespace, name, current);
  }

  get kind(): TaskKind {
    return (this.current?.spec as { kind?: TaskKind } | undefined)?.kind as TaskKind;
  }

  get outputs(): TaskOutputs | undefined {
    return this.current?.status?.outputs as TaskOutputs | undefined;
  }

  /** Watches until Complete (resolves with outputs) or Failed (rejects with the controller's reason). */
  async wait(options: OpOptions = {}): Promise<TaskOutputs> {
    const signal = waitSignal(options.signal);
    return waitFor(
      this.api,
      SEI_NODE_TASK,
      this.namespace,
      this.name,
      (obj) => {
        const phase = phaseOf(obj);
        if (phase === "Complete") return { done: true, value: (obj?.status?.outputs ?? {}) as TaskOutputs };
        if (phase === "Failed") {
          throw new FailedError(`Task "${this.name}" failed.`, {
            resource: `task/${this.name}`,
            phase,
            reason: failureReason(obj),
          });
        }
        return { done: false, note: describeStatus(obj) };
      },
      { signal, what: `waiting for task "${this.name}" to complete`, onObject: (obj) => this.observe(obj) },
    );
  }
}
