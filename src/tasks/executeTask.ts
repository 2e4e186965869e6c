import type { TaskKind, TaskOutputs, TaskSpec } from "../specs/types.js";
import { awaitNodesAtHeight } from "./kinds/awaitNodesAtHeight.js";
import { govParamChange } from "./kinds/govParamChange.js";
import { govSoftwareUpgrade } from "./kinds/govSoftwareUpgrade.js";
import { govVote } from "./kinds/govVote.js";
import { restartSeid } from "./kinds/restartSeid.js";
import type { RunTaskKind } from "./kinds/taskContext.js";
import { updateNodeImage } from "./kinds/updateNodeImage.js";
import type { TaskBackend, TaskTarget } from "./taskTarget.js";

/** Which module carries out each task kind; a new kind is one module and one line here. */
const kinds: Record<TaskKind, RunTaskKind> = {
  GovSoftwareUpgrade: govSoftwareUpgrade,
  GovParamChange: govParamChange,
  GovVote: govVote,
  AwaitNodesAtHeight: awaitNodesAtHeight,
  UpdateNodeImage: updateNodeImage,
  RestartSeid: restartSeid,
};

/**
 * Carries out one task against a node and returns its outputs, shaped as the
 * SeiNodeTask CRD reports them. The tx is built here once; the mode's backend
 * decides where `seid tx` runs and how a node is restarted or swapped. Throws
 * FailedError with the chain's raw log or the node's reason.
 */
export async function executeTask<T extends TaskTarget>(
  spec: TaskSpec,
  node: T,
  backend: TaskBackend<T>,
  signal: AbortSignal,
): Promise<TaskOutputs> {
  return kinds[spec.kind]({ spec, node, backend, signal, resource: `task/${spec.name}` });
}
