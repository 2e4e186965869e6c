import type { OpOptions } from "../../client/options.js";
import { ChainStalledError } from "../../errors/chainStalled.js";
import { ConflictError } from "../../errors/conflict.js";
import { FailedError } from "../../errors/failed.js";
import { logger } from "../../internal/debug.js";
import { waitCaughtUp } from "../../readiness/waitCaughtUp.js";
import { waitChainAdvances } from "../../readiness/waitChainAdvances.js";
import type { NetworkPhase } from "../../specs/types.js";
import type { CheckpointMember, CheckpointOps } from "./checkpointOps.js";

const log = logger("checkpoint");

/** A network as checkpoint and restore act on it: its view, what it is, and how to wait for it. */
export interface NetworkAt<N> {
  view: N;
  name: string;
  namespace: string;
  phase: NetworkPhase;
  tendermintRpc: string | undefined;
  /** The handle's own readiness wait (phase Ready and a first block). */
  waitReady(options: OpOptions): Promise<void>;
}

/** A task or workflow on one of the nodes makes stopping them a ConflictError. */
export async function refuseBusy<N>(
  ops: CheckpointOps<N>,
  at: NetworkAt<N>,
  members: readonly CheckpointMember[],
  verb: string,
): Promise<void> {
  const busy = await ops.busy(
    at.view,
    members.map((m) => m.name),
  );
  if (busy) {
    throw new ConflictError(`Network "${at.name}" cannot be ${verb} now: ${busy}.`, {
      metaMessages: ["Wait for it to finish (or delete it), then try again."],
    });
  }
}

/**
 * Starts the nodes again and resolves once the network is Ready and every
 * follower has caught up. Followers start once their peers accept P2P
 * connections (or, where a mode cannot tell, once the network serves):
 * started together with their peers, their first dials fail and the peer
 * manager's backoff can keep them catching up for tens of seconds.
 */
export async function startAndWait<N>(
  ops: CheckpointOps<N>,
  at: NetworkAt<N>,
  members: readonly CheckpointMember[],
  signal: AbortSignal | undefined,
): Promise<void> {
  const t0 = Date.now();
  const peers = members.filter((m) => m.role !== "follower");
  const followers = members.filter((m) => m.role === "follower");
  await ops.start(peers, signal);
  const ready = async () => {
    await at.waitReady(signal ? { signal } : {});
    await waitNewBlock(at, peers, signal);
    log("%s: Ready and committing again after %d ms", at.name, Date.now() - t0);
  };
  if (followers.length === 0) return ready();
  if (!ops.waitListening) {
    await ready();
    await ops.start(followers, signal);
    return waitFollowers(ops, at, signal, t0);
  }
  await ops.waitListening(peers, signal);
  log("%s: peers listen after %d ms", at.name, Date.now() - t0);
  await ops.start(followers, signal);
  await ready();
  await waitFollowers(ops, at, signal, t0);
}

/** No block for this long after a restart is a halt, ms: a restart replays one height, then goes on in one block time. */
const RESTART_STALL_MS = 30_000;

/**
 * Resolves once the restarted chain commits a block: Ready alone holds for
 * a chain that halted on its first height after the restart (it had blocks
 * before), and that must be reported, not handed out as running.
 */
async function waitNewBlock<N>(
  at: NetworkAt<N>,
  peers: readonly CheckpointMember[],
  signal: AbortSignal | undefined,
): Promise<void> {
  const rpcs = peers.flatMap((m) => (m.tendermintRpc ? [m.tendermintRpc] : []));
  if (rpcs.length === 0) return;
  await waitChainAdvances(rpcs, {
    blocks: 1,
    stallTimeout: RESTART_STALL_MS,
    timeout: RESTART_STALL_MS * 2,
    ...(signal ? { signal } : {}),
  }).catch((err: unknown) => {
    if (err instanceof ChainStalledError) {
      throw new ChainStalledError(
        `Network "${at.name}" started again but commits no block: it is stuck at height ${err.height ?? "?"}.`,
        { fromHeight: err.fromHeight, height: err.height, stalledMs: err.stalledMs, nodesDown: [] },
        {
          cause: err,
          metaMessages: ["Its nodes' logs say why: `seinet logs <node>`, or `seinet dump` for all of them."],
        },
      );
    }
    throw err;
  });
}

/** Resolves once the network is Ready again and every follower has caught up. */
export async function waitBack<N>(
  ops: CheckpointOps<N>,
  at: NetworkAt<N>,
  signal: AbortSignal | undefined,
): Promise<void> {
  const t0 = Date.now();
  await at.waitReady(signal ? { signal } : {});
  await waitFollowers(ops, at, signal, t0);
}

async function waitFollowers<N>(
  ops: CheckpointOps<N>,
  at: NetworkAt<N>,
  signal: AbortSignal | undefined,
  t0: number,
): Promise<void> {
  const followers = (await ops.members(at.view, signal)).filter((m) => m.role === "follower");
  await Promise.all(
    followers.map(async (m) => {
      if (!m.tendermintRpc) {
        throw new FailedError(`Node "${m.name}" did not start again.`, {
          resource: `node/${m.name}`,
          reason: "it serves no Tendermint RPC",
        });
      }
      await waitCaughtUp(m.tendermintRpc, { interval: 100, ...(signal ? { signal } : {}) });
      log("%s: follower %s caught up after %d ms", at.name, m.name, Date.now() - t0);
    }),
  );
}
