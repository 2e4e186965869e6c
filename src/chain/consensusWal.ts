/**
 * Tendermint's consensus WAL, relative to a home: the messages of the height
 * in progress, with the node's own votes, replayed when seid starts. It
 * belongs to the node that wrote it: a node made from another's chain data
 * (a follower seeded from a template, a template's sentry given its
 * validator's data) starts without it. A validator keeps its own: restarted
 * without it, a validator that had prevoted or precommitted in the round in
 * progress can sign nothing more in that round (its sign state refuses), and
 * when that holds for more than a third of the power the round never ends.
 */
export const CONSENSUS_WAL = "data/tendermint/cs.wal";

/** True for a path (relative to a home) inside the consensus WAL. */
export const isConsensusWal = (rel: string): boolean =>
  rel === CONSENSUS_WAL || rel.startsWith(`${CONSENSUS_WAL}/`);
