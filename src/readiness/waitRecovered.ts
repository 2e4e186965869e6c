import { FailedError } from "../errors/failed.js";
import { TimeoutError } from "../errors/timeout.js";
import { UsageError } from "../errors/usage.js";
import { type ChainTarget, type RpcSource, highestHeight, rpcUrls } from "./chainTarget.js";
import type { WaitOptions } from "./options.js";
import { fetchStatus } from "./status.js";
import { waitFor } from "./wait.js";

/** A node handle as {@link waitRecovered} reads it: re-read each round, so a death is seen at once. */
export interface RecoveringNode {
  readonly name: string;
  readonly phase: string;
  readonly tendermintRpc: string | undefined;
  refresh(options?: { signal?: AbortSignal }): Promise<void>;
}

/** Options of {@link waitRecovered}. */
export interface RecoveredOptions extends WaitOptions {
  /**
   * The rest of the network (its handle, or its validators' RPCs): the node
   * is recovered at the height they report, less `lag`. Without it, the
   * node's newest block must be recent (see `maxBlockAge`).
   */
  reference?: ChainTarget;
  /** Blocks the node may trail the reference by. Default 2. */
  lag?: number;
  /** Without a reference: how old the node's newest block may be, ms. Default 5000. */
  maxBlockAge?: number;
}

/** What {@link waitRecovered} saw. */
export interface Recovered {
  /** The node's height once recovered. */
  height: number;
  /** From the call until recovered, ms. */
  ms: number;
}

/**
 * Waits until a node that was paused, disconnected or restarted is caught up
 * with its network again: it answers, is not catching up, and has the
 * network's height (or, with no reference, a recent newest block). A node
 * handle that reads Failed meanwhile rejects at once with a FailedError.
 *
 * @param target The node's handle or its Tendermint RPC URL.
 * @throws UsageError on bad options, before any request; FailedError when the
 *   node's handle reads Failed; TimeoutError naming the last heights seen.
 *
 * @example
 * ```ts
 * import { waitRecovered } from "seinet";
 * await node.unpause!();
 * const { ms } = await waitRecovered(node, { reference: network, timeout: 60_000 });
 * ```
 */
export async function waitRecovered(
  target: RpcSource | RecoveringNode,
  options: RecoveredOptions = {},
): Promise<Recovered> {
  const lag = options.lag ?? 2;
  if (!Number.isSafeInteger(lag) || lag < 0) {
    throw new UsageError(`lag must be a non-negative integer, got ${String(lag)}`, { field: "lag" });
  }
  const maxAge = options.maxBlockAge ?? 5_000;
  if (!(maxAge > 0)) {
    throw new UsageError(`maxBlockAge must be a positive number of ms, got ${String(maxAge)}`, {
      field: "maxBlockAge",
    });
  }
  const reference = options.reference === undefined ? undefined : rpcUrls(options.reference, "reference");
  const handle = typeof target === "string" ? undefined : "refresh" in target ? target : undefined;
  const label = typeof target === "string" ? target : "name" in target ? `node "${target.name}"` : "the node";
  if (!handle) rpcUrls(target as RpcSource, "target");
  const began = Date.now();
  let last = "";
  try {
    return await waitFor(`waiting for ${label} to recover`, options, async (probe) => {
      if (handle) {
        await handle.refresh({ signal: probe.signal });
        if (handle.phase === "Failed") {
          throw new FailedError(`Node "${handle.name}" is Failed; it cannot recover.`, {
            resource: `node/${handle.name}`,
            phase: handle.phase,
          });
        }
      }
      const url = (typeof target === "string" ? target : target.tendermintRpc) ?? "";
      if (!url) {
        last = `${label} serves no Tendermint RPC (phase ${handle?.phase})`;
        return { done: false, note: last };
      }
      const status = await fetchStatus(url, probe);
      const height = status.latestHeight;
      let behind: string | undefined;
      if (status.catchingUp) behind = "catching up";
      else if (reference) {
        const top = await highestHeight(reference, probe);
        if (top === undefined) behind = "no reference endpoint answers";
        else if (height + lag < top) behind = `behind the network's ${top}`;
      } else {
        const age = status.latestBlockTime ? Date.now() - Date.parse(status.latestBlockTime) : Number.NaN;
        if (!(age <= maxAge))
          behind = `newest block ${Number.isNaN(age) ? "undated" : `${Math.round(age)} ms old`}`;
      }
      last = `height ${height}${behind ? `, ${behind}` : ""}`;
      return behind ? { done: false, note: last } : { done: true, value: { height, ms: Date.now() - began } };
    });
  } catch (err) {
    if (!(err instanceof TimeoutError) || !last) throw err;
    throw new TimeoutError(`timed out waiting for ${label} to recover: ${last}`, {
      cause: err,
      metaMessages: [...err.metaMessages],
    });
  }
}
