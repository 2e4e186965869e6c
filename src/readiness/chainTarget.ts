import { UsageError } from "../errors/usage.js";
import { fetchStatus } from "./status.js";

/** Something with a Tendermint RPC: a network or node handle, or the URL itself. */
export type RpcSource = string | { readonly tendermintRpc: string | undefined };

/** One endpoint or several (every validator's, say): the chain is as high as the highest. */
export type ChainTarget = RpcSource | readonly RpcSource[];

/**
 * The Tendermint RPC URLs of a target, checked before any request: a handle
 * without one (not running, disconnected in docker) is a UsageError naming `field`.
 */
export function rpcUrls(target: ChainTarget, field: string): string[] {
  const list: readonly RpcSource[] =
    typeof target === "string" || !Array.isArray(target) ? [target as RpcSource] : target;
  const urls = list.map((t) => (typeof t === "string" ? t : t?.tendermintRpc));
  if (urls.length === 0 || urls.some((u) => typeof u !== "string" || u === "")) {
    throw new UsageError(
      `${field} must name at least one Tendermint RPC URL (a handle without one is not serving)`,
      {
        field,
      },
    );
  }
  return urls as string[];
}

/** The highest height any of `urls` answers now; undefined when none answers. */
export async function highestHeight(
  urls: readonly string[],
  options: { signal: AbortSignal; requestTimeout: number },
): Promise<number | undefined> {
  const answers = await Promise.allSettled(urls.map((u) => fetchStatus(u, options)));
  options.signal.throwIfAborted();
  const heights = answers.flatMap((a) => (a.status === "fulfilled" ? [a.value.latestHeight] : []));
  return heights.length > 0 ? Math.max(...heights) : undefined;
}
