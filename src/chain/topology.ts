import type { NodeRole } from "./config.js";

/** A validator or the sentry: a node the network itself runs. */
export interface TopologyMember {
  name: string;
  role: Exclude<NodeRole, "follower">;
  /** A validator's ordinal, as in its name `<network>-<ordinal>`. */
  ordinal?: number;
}

/** The nodes a network runs, decided from its spec alone, the same in every mode. */
export interface NetworkTopology {
  /** `<network>-<ordinal>`, in ordinal order (the controller names them so). */
  validators: string[];
  /** `<network>-sentry` when there is one validator, else undefined. */
  sentry: string | undefined;
  /** The validators, then the sentry. */
  members: TopologyMember[];
}

/** Peers block sync needs before it calls a node caught up (sei-tendermint's `IsCaughtUp`). */
export const MIN_FOLLOWER_PEERS = 2;

/** Validator names of a network of `count` validators: `<network>-<ordinal>`. */
export function validatorNames(network: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${network}-${i}`);
}

/**
 * The nodes a network runs. A lone validator would give a follower one peer,
 * and block sync never calls a node with one peer caught up: such a network
 * runs a sentry full node as the second.
 */
export function networkTopology(spec: { name: string; validators: number }): NetworkTopology {
  const validators = validatorNames(spec.name, spec.validators);
  const sentry = spec.validators === 1 ? `${spec.name}-sentry` : undefined;
  const members: TopologyMember[] = validators.map((name, ordinal) => ({ name, role: "validator", ordinal }));
  if (sentry) members.push({ name: sentry, role: "sentry" });
  return { validators, sentry, members };
}

/** A node a new follower could dial. */
export interface PeerCandidate {
  name: string;
  /** Started and not being deleted. */
  running: boolean;
}

/**
 * Whom a new follower dials: every running node of its network (validators,
 * the sentry, other followers) but itself, so it has the two peers block sync
 * needs even beside a lone validator.
 */
export function followerPeers<T extends PeerCandidate>(follower: string, nodes: readonly T[]): T[] {
  return nodes.filter((n) => n.running && n.name !== follower);
}

const ROLE_ORDER: Readonly<Record<NodeRole, number>> = { validator: 0, sentry: 1, follower: 2 };

/** The order nodes are listed in: by network, validators by ordinal, the sentry, then followers by name. */
export function compareNodes(
  a: { network: string; role: NodeRole; ordinal?: number | undefined; name: string },
  b: { network: string; role: NodeRole; ordinal?: number | undefined; name: string },
): number {
  return (
    a.network.localeCompare(b.network) ||
    ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
    (a.ordinal ?? 0) - (b.ordinal ?? 0) ||
    a.name.localeCompare(b.name)
  );
}
