import type { StateSyncSettings } from "../../../chain/stateSyncSettings.js";
import { FailedError } from "../../../errors/failed.js";
import { UsageError } from "../../../errors/usage.js";
import { sleep } from "../../../internal/sleep.js";
import type { NetworkRecord } from "../records.js";
import type { StateStore } from "../store.js";
import { snapshotHeights } from "./snapshotHeights.js";
import { trustPoint } from "./trustPoint.js";

/** Pause between looks for the network's first snapshot. */
const POLL_MS = 250;

/**
 * How long to wait for the first snapshot: long enough for `interval` blocks
 * on a slow test chain (half a second each), at least 30 s, at most 5 min.
 */
export function firstSnapshotWaitMs(interval: number): number {
  return Math.min(300_000, Math.max(30_000, interval * 500));
}

/** Refuses state sync from a network that takes no snapshots, before any side effect. */
export function requireSnapshots(network: NetworkRecord, field: string): void {
  if (!network.snapshots) {
    throw new UsageError(
      `Network "${network.name}" takes no state-sync snapshots, so no peer can serve one: create it with \`snapshots: { interval: … }\`.`,
      { field },
    );
  }
}

/** Input of {@link prepareStateSync}. */
export interface PrepareStateSyncInput {
  store: StateStore;
  network: NetworkRecord;
  rpcServers: readonly string[];
  /** `node/<name>`, for the FailedError when there is nothing to sync from. */
  resource: string;
  signal?: AbortSignal | undefined;
}

/**
 * Settles what a follower state-syncs from: waits (bounded) until a node of
 * the network holds a snapshot, then trusts the block at that snapshot's
 * height as a witness reports it. Without the wait, seid would loop on
 * snapshot discovery forever; here no snapshot in time is a FailedError.
 */
export async function prepareStateSync(input: PrepareStateSyncInput): Promise<StateSyncSettings> {
  const { store, network, signal } = input;
  requireSnapshots(network, "stateSync");
  const interval = network.snapshots?.interval ?? 0;
  const waitMs = firstSnapshotWaitMs(interval);
  const homes: string[] = [];
  for (const name of [...network.validators, ...(network.sentry ? [network.sentry] : [])]) {
    const record = await store.readNode(network.namespace, name);
    if (record) homes.push(record.home);
  }
  const deadline = Date.now() + waitMs;
  for (;;) {
    const heights = (await Promise.all(homes.map(snapshotHeights))).flat();
    const newest = heights.length > 0 ? Math.max(...heights) : 0;
    if (newest > 0) {
      const trusted = await trustPoint(input.rpcServers, newest, input.resource, signal);
      return { rpcServers: [...input.rpcServers], trustHeight: trusted.height, trustHash: trusted.hash };
    }
    if (Date.now() > deadline) {
      throw new FailedError(
        `No node of network "${network.name}" took a state-sync snapshot within ${Math.round(waitMs / 1000)} s.`,
        {
          resource: input.resource,
          reason: `a snapshot is taken every ${interval} blocks; is the chain making blocks?`,
        },
      );
    }
    await sleep(POLL_MS, signal, `waiting for a snapshot of network "${network.name}"`);
  }
}
