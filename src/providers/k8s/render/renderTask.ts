import { UsageError } from "../../../errors/usage.js";
import type { TaskSpec } from "../../../specs/types.js";
import { TASK_PAYLOAD } from "../../../specs/validateTaskSpec.js";
import { API_VERSION, type CustomResource } from "../resources.js";
import { mergeLabels } from "./labels.js";

/**
 * SeiNodeTask: kind, target node (with its phase gate), whole-second timeout
 * and the one payload.
 */
export function renderTask(spec: TaskSpec, namespace: string): CustomResource {
  const payloadKey = TASK_PAYLOAD[spec.kind];
  let payload = { ...(spec[payloadKey] as object) } as Record<string, unknown>;
  if (spec.kind === "UpdateNodeImage") {
    const { binary: _localOnly, ...forCluster } = payload;
    payload = forCluster;
    if (payload.image === undefined) {
      throw new UsageError(
        "In the k8s mode `updateNodeImage` takes an `image`; `binary` is for the local mode.",
        {
          field: "updateNodeImage.image",
        },
      );
    }
  }
  const target: Record<string, unknown> = { nodeRef: { name: spec.node } };
  if (spec.requirePhase !== undefined) target.requirePhase = spec.requirePhase;
  if (spec.requirePhaseTimeout !== undefined)
    target.requirePhaseTimeout = `${Math.ceil(spec.requirePhaseTimeout / 1000)}s`;
  const body: Record<string, unknown> = { kind: spec.kind, target, [payloadKey]: payload };
  if (spec.timeout !== undefined) body.timeoutSeconds = Math.ceil(spec.timeout / 1000);
  return {
    apiVersion: API_VERSION,
    kind: "SeiNodeTask",
    metadata: { name: spec.name, namespace, labels: mergeLabels(spec.labels, {}) },
    spec: body,
  };
}
