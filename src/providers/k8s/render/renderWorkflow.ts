import type { WorkflowSpec } from "../../../specs/types.js";
import { API_VERSION, type CustomResource } from "../resources.js";
import { mergeLabels } from "./labels.js";

/** SeiNodeTaskWorkflow: a StateSync of the target node, optionally migrating to GigaStore. */
export function renderWorkflow(spec: WorkflowSpec, namespace: string): CustomResource {
  const stateSync: Record<string, unknown> = { rpcServers: [...(spec.stateSync?.rpcServers ?? [])] };
  const migration = spec.stateSync?.migration;
  if (migration) {
    stateSync.migration = { kind: migration.kind, gigaStore: { ...migration.gigaStore } };
  }
  return {
    apiVersion: API_VERSION,
    kind: "SeiNodeTaskWorkflow",
    metadata: { name: spec.name, namespace, labels: mergeLabels(spec.labels, {}) },
    spec: { kind: spec.kind, target: { nodeRef: { name: spec.node } }, stateSync },
  };
}
