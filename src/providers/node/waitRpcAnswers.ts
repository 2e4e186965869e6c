import { setTimeout as delay } from "node:timers/promises";
import { fetchStatus } from "../../readiness/status.js";
import type { CheckpointMember } from "./checkpointOps.js";

/** One look at an endpoint, ms: right after a container starts, a published port may accept and never answer. */
const REQUEST_TIMEOUT_MS = 500;
/** Between looks, ms. */
const INTERVAL_MS = 50;

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
  const deadline = Date.now() + options.timeoutMs;
  let pending = members.flatMap((m) => (m.tendermintRpc ? [m.tendermintRpc] : []));
  while (pending.length > 0 && Date.now() < deadline && !options.signal?.aborted) {
    const answered = await Promise.all(
      pending.map((rpc) =>
        fetchStatus(rpc, {
          requestTimeout: REQUEST_TIMEOUT_MS,
          ...(options.signal ? { signal: options.signal } : {}),
        }).then(
          () => true,
          () => false,
        ),
      ),
    );
    pending = pending.filter((_, i) => !answered[i]);
    if (pending.length > 0) await delay(INTERVAL_MS, undefined, { signal: options.signal }).catch(() => {});
  }
}
