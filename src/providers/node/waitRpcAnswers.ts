import { untilEnough } from "../../internal/untilEnough.js";
import { fetchStatus } from "../../readiness/status.js";
import type { CheckpointMember } from "./checkpointOps.js";

/** One look at an endpoint, ms: right after a container starts, a published port may accept and never answer. */
const REQUEST_TIMEOUT_MS = 500;

/**
 * Waits (bounded) until every member's Tendermint RPC answers `/status`. seid
 * opens its RPC and P2P listeners in the same step of its start, so this
 * tells, where P2P ports cannot be reached from here (a container's), that
 * a follower started now finds its peers listening. Gives up quietly at the
 * bound: the follower then dials as it would.
 */
export async function waitRpcAnswers(
  members: readonly CheckpointMember[],
  options: { timeoutMs: number; signal?: AbortSignal | undefined },
): Promise<void> {
  const rpcs = members.flatMap((m) => (m.tendermintRpc ? [m.tendermintRpc] : []));
  const answers = (rpc: string) =>
    fetchStatus(rpc, {
      requestTimeout: REQUEST_TIMEOUT_MS,
      ...(options.signal ? { signal: options.signal } : {}),
    }).then(() => true);
  await untilEnough(rpcs, answers, options);
}
