/**
 * Canonical labels shared with sei-k8s-controller, its CLI and chaos
 * selectors: every follower the SDK creates carries `sei.io/role=node`.
 */
export const LABEL_ROLE = "sei.io/role";
/** Value of {@link LABEL_ROLE} on follower nodes. */
export const ROLE_NODE = "node";
/** Names the network a node belongs to; also the follower's peer selector. */
export const LABEL_NETWORK = "sei.io/seinetwork";
/** Run id stamped on resources so leftovers of one run can be found and swept. */
export const LABEL_RUN = "sei.io/run";
/** Marks resources the SDK created. */
export const LABEL_MANAGED_BY = "app.kubernetes.io/managed-by";
/** Value of {@link LABEL_MANAGED_BY}. */
export const MANAGED_BY = "seinet";
/** Kubernetes server-side-apply field manager used for every write. */
export const FIELD_MANAGER = "sei-sdk";
