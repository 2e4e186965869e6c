import type { Task } from "../../../client/handles.js";
import type { OpOptions } from "../../../client/options.js";
import type { TaskKind, TaskOutputs, TaskPhase } from "../../../specs/types.js";
import type { K8sContext } from "../context.js";
import { type CustomResource, SEI_NODE_TASK } from "../resources.js";
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
    await this.waitForPhase("Complete", options, `waiting for task "${this.name}" to complete`);
    return this.outputs ?? {};
  }
}
