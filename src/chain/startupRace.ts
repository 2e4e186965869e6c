/** Go's report of a nil pointer read: the first line of the crash. */
const NIL_DEREFERENCE = /^panic: runtime error: invalid memory address or nil pointer dereference/m;

/** The frame of the vote set that is not made yet, whatever the caller above it. */
const VOTE_SET_FRAME = /\/internal\/consensus\/types\.\(\*HeightVoteSet\)\./;

/**
 * Whether a seid died of its consensus start-up race: a just-started node's
 * consensus reactor gossips with a newly connected peer from a round state
 * whose vote set (`HeightVoteSet`) is not made yet, and seid panics with a
 * nil pointer in `HeightVoteSet.Precommits`. It is rare (once in several
 * full test runs, on a loaded machine), the node's home is intact, and the
 * same home starts cleanly, so readiness may start such a node again; any
 * other crash stays a failure.
 */
export function seidStartupRace(crashLog: string | undefined): boolean {
  return crashLog !== undefined && NIL_DEREFERENCE.test(crashLog) && VOTE_SET_FRAME.test(crashLog);
}
