import type { TaskSpec } from "../../../specs/types.js";
import { TASK_PAYLOAD } from "../../../specs/validateTaskSpec.js";
import { API_VERSION, type CustomResource } from "../resources.js";
import { mergeLabels } from "./labels.js";

/** SeiNodeTask: kind, target node, whole-second timeout and the one payload. */
export function renderTask(spec: TaskSpec, namespace: string): CustomResource {
  const payloadKey = TASK_PAYLOAD[spec.kind];
  const body: Record<string, unknown> = {
    kind: spec.kind,
    target: { nodeRef: { name: spec.node } },
    [payloadKey]: { ...(spec[payloadKey] as object) },
  };
  if (spec.timeout !== undefined) body.timeoutSeconds = Math.ceil(spec.timeout / 1000);
  return {
    apiVersion: API_VERSION,
    kind: "SeiNodeTask",
    metadata: { name: spec.name, namespace, labels: mergeLabels(spec.labels, {}) },
    spec: body,
  };
}
