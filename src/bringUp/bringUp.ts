import type { Client } from "../client/client.js";
import type { Network, Node } from "../client/handles.js";
import { SeinetError } from "../errors/base.js";
import { abortError } from "../internal/abort.js";
import { deadline } from "../readiness/deadline.js";
import { waitCaughtUp } from "../readiness/waitCaughtUp.js";
import { waitEvmServing } from "../readiness/waitEvmServing.js";
import type { NetworkSpec, NodeSpec } from "../specs/types.js";

/** How long the cleanup of a failed or interrupted bring-up may take. */
const CLEANUP_TIMEOUT_MS = 60_000;

/** The phases a bring-up times, in order; each value is milliseconds. */
export interface UpTimings {
  /** Resolving seid, the genesis ceremony and starting the validators' processes. */
  createNetwork: number;
  /** Until every validator runs and Tendermint answers. */
  networkReady: number;
  /** Initializing and starting the followers. */
  createFollowers: number;
  /** Until every follower runs and its EVM RPC answers. */
  followersReady: number;
  /** Until every follower has caught up and serves eth_blockNumber. */
  caughtUp: number;
  total: number;
}

/** What to bring up: a validated network spec and its followers, within a deadline. */
export interface BringUpPlan {
  network: NetworkSpec;
  followers: readonly NodeSpec[];
  timeoutMs: number;
  /** Keep what was made when the bring-up fails (for a post-mortem). */
  keepOnFailure?: boolean;
  /** `reuse`: clone a warm template of the same spec (local), else make one; default a fresh genesis. */
  template?: "reuse" | "fresh";
  /** A portable checkpoint to start the network from (local): see `CreateNetworkOptions.from`. */
  from?: string;
}

/** What `bringUp` needs besides the plan. */
export interface UpContext {
  /** Aborted on SIGINT/SIGTERM: the bring-up then deletes what it made and ends in CanceledError. */
  signal: AbortSignal;
  progress: (line: string) => void;
  now?: () => number;
}

/** The network, its followers (ready, caught up, serving EVM) and the timings. */
export interface BroughtUp {
  network: Network;
  followers: Node[];
  timings: UpTimings;
}

/**
 * Brings a network up, the one way the CLI's `up` and the test-runner helpers
 * share: creates it, waits for it, adds the followers and waits until they
 * have caught up and serve EVM. If anything fails, times out or is
 * interrupted after the network exists, the network and its followers are
 * deleted (unless `keepOnFailure`) and the error is rethrown.
 */
export async function bringUp(client: Client, plan: BringUpPlan, context: UpContext): Promise<BroughtUp> {
  const now = context.now ?? (() => performance.now());
  const { progress } = context;
  const start = now();
  let mark = start;
  const lap = () => {
    const t = now();
    const ms = Math.round(t - mark);
    mark = t;
    return ms;
  };
  // Our own abort ends sibling waits once one fails; the deadline bounds everything.
  const own = new AbortController();
  const bounded = deadline(AbortSignal.any([context.signal, own.signal]), plan.timeoutMs);
  const { signal } = bounded;
  const name = plan.network.name;
  const what = `bringing up network "${name}"`;
  let net: Network | undefined;
  try {
    net = await client.createNetwork(plan.network, {
      signal,
      ...(plan.template ? { template: plan.template } : {}),
      ...(plan.from !== undefined ? { from: plan.from } : {}),
    });
    const createNetwork = lap();
    progress(`network ${name}: nodes started, waiting for blocks`);
    await net.waitReady({ signal });
    const networkReady = lap();
    progress(`network ${name}: ready (${net.tendermintRpc})`);
    const followers: Node[] = [];
    for (const spec of plan.followers) {
      followers.push(
        await client.createNode(
          { ...spec, namespace: spec.namespace ?? net.namespace, network: name },
          { signal },
        ),
      );
      progress(`${spec.name}: started`);
    }
    const createFollowers = lap();
    await Promise.all(
      followers.map(async (f) => {
        await f.waitReady({ signal });
        progress(`${f.name}: ready (${f.evmRpc})`);
      }),
    );
    const followersReady = lap();
    // The strict gates: a follower that answers may still be syncing.
    await Promise.all(
      followers.map(async (f) => {
        const unbounded = { signal, timeout: Number.POSITIVE_INFINITY };
        const status = await waitCaughtUp(f.tendermintRpc as string, unbounded);
        await waitEvmServing(f.evmRpc as string, unbounded);
        progress(`${f.name}: caught up at height ${status.latestHeight}, EVM serving`);
      }),
    );
    const caughtUp = lap();
    await net.refresh();
    return {
      network: net,
      followers,
      timings: {
        createNetwork,
        networkReady,
        createFollowers,
        followersReady,
        caughtUp,
        total: Math.round(now() - start),
      },
    };
  } catch (err) {
    // An interrupt or the deadline may surface as whatever the step in flight threw.
    const failure =
      signal.aborted && !(err instanceof SeinetError && (err.code === "CANCELED" || err.code === "TIMEOUT"))
        ? abortError(signal, what)
        : err;
    own.abort(failure);
    if (net) await cleanUp(net, plan, progress);
    throw failure;
  } finally {
    own.abort();
    bounded.dispose();
  }
}

async function cleanUp(net: Network, plan: BringUpPlan, progress: (line: string) => void): Promise<void> {
  if (plan.keepOnFailure) {
    progress(`network ${net.name}: kept (--keep-on-failure); \`seinet down ${net.name}\` deletes it`);
    return;
  }
  progress(`network ${net.name}: deleting it and its followers`);
  try {
    await net.delete({ cascade: true, signal: AbortSignal.timeout(CLEANUP_TIMEOUT_MS) });
    progress(`network ${net.name}: deleted`);
  } catch (err) {
    progress(
      `network ${net.name}: cleanup failed (${(err as Error).message}); \`seinet down ${net.name}\` retries it`,
    );
  }
}
