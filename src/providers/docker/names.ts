import type { NodeRole } from "../../chain/config.js";
import { LABEL_MANAGED_BY, LABEL_NETWORK, LABEL_ROLE, LABEL_RUN, MANAGED_BY } from "../../labels.js";

/** Namespace of specs that leave theirs empty. */
export const DEFAULT_NAMESPACE = "default";

/** Namespace a container, volume or Docker network belongs to. */
export const LABEL_NAMESPACE = "sei.io/namespace";
/** Namespace of the network a node follows (followers may live elsewhere). */
export const LABEL_NETWORK_NAMESPACE = "sei.io/seinetwork-namespace";
/** The seinet name of the node a container or volume holds. */
export const LABEL_NODE = "sei.io/node";
/** What the node is in its network: validator, sentry or follower. */
export const LABEL_NODE_ROLE = "sei.io/node-role";
/** A validator's ordinal. */
export const LABEL_ORDINAL = "sei.io/ordinal";
/** Tendermint node id, for peering. */
export const LABEL_NODE_ID = "sei.io/node-id";
/** Number of validators, on the network's Docker network. */
export const LABEL_VALIDATORS = "sei.io/validators";
/** The chain id, on the Docker network (absent on networks whose chain id is their name). */
export const LABEL_CHAIN_ID = "sei.io/chain-id";
/** Name of the lone validator's sentry, on the Docker network. */
export const LABEL_SENTRY = "sei.io/sentry";
/** The funded test account's private key, on the Docker network (a throwaway key of a private chain). */
export const LABEL_TEST_KEY = "sei.io/test-account-key";
/** The user labels given in the spec, as JSON, so they can be told apart from seinet's. */
export const LABEL_USER = "sei.io/user-labels";
/** Values of {@link LABEL_ROLE} seinet uses besides `node`. */
export const ROLE_VALIDATOR = "validator";
export const ROLE_SENTRY = "sentry";
export const ROLE_NETWORK = "network";
export const ROLE_CEREMONY = "ceremony";

/** Home of seid inside every node container (the image's `sei` user). */
export const CONTAINER_HOME = "/home/sei/.sei";

/** Docker names carry the namespace, so equal node names in two namespaces coexist. */
export function resourceName(namespace: string, name: string): string {
  return `seinet-${namespace}-${name}`;
}

/** Labels every seinet resource of a network carries. */
export function baseLabels(
  namespace: string,
  network: string,
  runId: string,
  user: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  return {
    ...user,
    ...(user && Object.keys(user).length > 0 ? { [LABEL_USER]: JSON.stringify(user) } : {}),
    [LABEL_MANAGED_BY]: MANAGED_BY,
    [LABEL_NETWORK]: network,
    [LABEL_NAMESPACE]: namespace,
    [LABEL_RUN]: runId,
  };
}

/** {@link LABEL_ROLE} of a node: `node` on followers (the controller's convention), else its role. */
export function roleLabel(role: NodeRole): string {
  return role === "follower" ? "node" : role;
}

/** Docker `filters` matching a label set (`key=value`). */
export function labelFilter(labels: Readonly<Record<string, string>>): { label: string[] } {
  return { label: Object.entries(labels).map(([k, v]) => `${k}=${v}`) };
}

export { LABEL_MANAGED_BY, LABEL_NETWORK, LABEL_ROLE, LABEL_RUN, MANAGED_BY };
