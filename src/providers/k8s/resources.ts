/** Group and version of sei-k8s-controller's custom resources. */
export const GROUP = "sei.io";
export const VERSION = "v1alpha1";
export const API_VERSION = `${GROUP}/${VERSION}`;

/** One custom resource kind and its REST plural. */
export interface ResourceKind {
  kind: "SeiNetwork" | "SeiNode" | "SeiNodeTask" | "SeiNodeTaskWorkflow";
  plural: "seinetworks" | "seinodes" | "seinodetasks" | "seinodetaskworkflows";
  /** Word used in messages: network, node, task, workflow. */
  noun: string;
}

export const SEI_NETWORK: ResourceKind = { kind: "SeiNetwork", plural: "seinetworks", noun: "network" };
export const SEI_NODE: ResourceKind = { kind: "SeiNode", plural: "seinodes", noun: "node" };
export const SEI_NODE_TASK: ResourceKind = { kind: "SeiNodeTask", plural: "seinodetasks", noun: "task" };
export const SEI_NODE_TASK_WORKFLOW: ResourceKind = {
  kind: "SeiNodeTaskWorkflow",
  plural: "seinodetaskworkflows",
  noun: "workflow",
};

/** The object shape every custom resource shares. */
export interface CustomResource {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    resourceVersion?: string;
    generation?: number;
    uid?: string;
    deletionTimestamp?: string;
  };
  spec: Record<string, unknown>;
  status?: Record<string, unknown>;
}

/** A status condition as the controller writes it. */
export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}
