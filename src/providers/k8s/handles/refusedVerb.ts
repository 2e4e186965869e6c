import { UsageError } from "../../../errors/usage.js";

/** Why each fault verb is refused in the k8s mode, in words. */
const WHY: Readonly<Record<string, string>> = {
  pause: "the controller's pods cannot be frozen through the API server",
  unpause: "the controller's pods cannot be frozen through the API server",
  disconnect: "seinet does not edit the cluster's network policies",
  reconnect: "seinet does not edit the cluster's network policies",
  restart: "`kill` deletes the node's pod and its StatefulSet starts it again",
};

/** The UsageError of a fault verb the k8s mode does not make real, naming the node and what to use. */
export function refusedVerb(verb: string, node: string, namespace: string): UsageError {
  return new UsageError(
    `\`${verb}\` is not available in the k8s mode (node "${node}", namespace ${namespace}): ${WHY[verb] ?? "not supported"}. Use a chaos tool on the node's pod, or the local or docker mode.`,
    { field: verb },
  );
}
