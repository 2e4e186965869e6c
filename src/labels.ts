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

// seinet's own labels. Labels are public to anyone who can list the runtime's
// objects (`docker inspect`, `kubectl get`): never put a secret in one.

/** Namespace a node, volume or Docker network belongs to. */
export const LABEL_NAMESPACE = "sei.io/namespace";
/** Namespace of the network a node follows (followers may live elsewhere). */
export const LABEL_NETWORK_NAMESPACE = "sei.io/seinetwork-namespace";
/** The seinet name of the node a container or volume holds; the controller labels a SeiNode's pods with it too. */
export const LABEL_NODE = "sei.io/node";
/** What the node is in its network: validator, sentry or follower. */
export const LABEL_NODE_ROLE = "sei.io/node-role";
/** A validator's ordinal. */
export const LABEL_ORDINAL = "sei.io/ordinal";
/** Number of validators, on a network's own resource (its Docker network). */
export const LABEL_VALIDATORS = "sei.io/validators";
/** The chain id, on a Docker network (absent on networks whose chain id is their name). */
export const LABEL_CHAIN_ID = "sei.io/chain-id";
/** How many public-mnemonic test accounts a network's genesis funds (a count, not a key), on its Docker network. */
export const LABEL_TEST_ACCOUNTS = "sei.io/test-accounts";
/**
 * The session that made a network or node: its watchdog (and `seinet gc`)
 * deletes it once the session's owner process is gone. An id, not a secret.
 */
export const LABEL_SESSION = "sei.io/session";
/** On a k8s session's Lease: what the session made and has not released (JSON). */
export const ANNOTATION_SESSION_ENTRIES = "sei.io/session-entries";
/** Name of the lone validator's sentry, on a network's own resource. */
export const LABEL_SENTRY = "sei.io/sentry";
/** The image a network's nodes run, on a network's own resource. */
export const LABEL_IMAGE = "sei.io/image";
/** On a docker network cloned from a warm template: the template's key (its followers start from its chain data). */
export const LABEL_TEMPLATE = "sei.io/template";
/** The user labels given in the spec, as JSON, so they can be told apart from seinet's. */
export const LABEL_USER = "sei.io/user-labels";
/**
 * Where older seinet versions kept a docker network's test account private
 * key. Read only to refuse such a network: a key in a label is public.
 */
export const LEGACY_LABEL_TEST_KEY = "sei.io/test-account-key";

/** Values of {@link LABEL_ROLE} seinet uses besides {@link ROLE_NODE}. */
export const ROLE_VALIDATOR = "validator";
/** {@link LABEL_ROLE} of a lone validator's sentry. */
export const ROLE_SENTRY = "sentry";
/** {@link LABEL_ROLE} of a network's own resource (its Docker network). */
export const ROLE_NETWORK = "network";
/** {@link LABEL_ROLE} of a short-lived genesis ceremony container. */
export const ROLE_CEREMONY = "ceremony";

/** The seid version a seinet image carries (`seid version`). */
export const LABEL_SEID_VERSION = "sei.io/seid-version";
/** The sei-chain commit a seinet image's seid was built from. */
export const LABEL_SEID_COMMIT = "sei.io/seid-commit";
/** Hash of a seinet image's build context, so an unchanged bundle is not built twice. */
export const LABEL_CONTENT_HASH = "sei.io/image-content-hash";

/** {@link LABEL_ROLE} of a node: `node` on followers (the controller's convention), else its role. */
export function roleLabel(role: "validator" | "sentry" | "follower"): string {
  return role === "follower" ? ROLE_NODE : role;
}
