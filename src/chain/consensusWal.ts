/**
 * Tendermint's consensus WAL, relative to a home: the messages of the height
 * in progress, replayed when seid starts. A network stopped whole (for a
 * checkpoint, a restore, a template) and started again must start without
 * it: every validator replays its own prevote of the unfinished height, the
 * replayed proposal reads as not timely (a replay has no receive time), the
 * nil prevote that follows conflicts with the signed one, and consensus
 * stops there for good (seen with four validators in the docker mode, and
 * after a local restore). Without it a validator starts the height afresh;
 * its sign state (`priv_validator_state.json`, always kept) still refuses a
 * conflicting vote, and the next round goes on.
 */
export const CONSENSUS_WAL = "data/tendermint/cs.wal";

/** True for a path (relative to a home) inside the consensus WAL. */
export const isConsensusWal = (rel: string): boolean =>
  rel === CONSENSUS_WAL || rel.startsWith(`${CONSENSUS_WAL}/`);
