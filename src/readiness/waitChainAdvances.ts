import { ChainStalledError } from "../errors/chainStalled.js";
import { UsageError } from "../errors/usage.js";
import { abortError } from "../internal/abort.js";
import { sleep } from "../internal/sleep.js";
import { type ChainTarget, highestHeight, rpcUrls } from "./chainTarget.js";
import { deadline } from "./deadline.js";
import { type WaitOptions, resolveWaitOptions } from "./options.js";

/** Options of {@link waitChainAdvances}. */
export interface ChainAdvanceOptions extends WaitOptions {
  /** Blocks the chain must commit; a positive integer. */
  blocks: number;
  /** The nodes the caller has perturbed, named in a stall's error. */
  withNodesDown?: readonly string[];
  /** No new block for this long is a stall, ms. Default 15000. */
  stallTimeout?: number;
}

/** What {@link waitChainAdvances} saw. */
export interface ChainAdvance {
  start: number;
  height: number;
  /** Wall time per committed block over the wait, ms. */
  msPerBlock: number;
}

const DEFAULT_STALL_MS = 15_000;

/**
 * Waits until the chain commits `blocks` more blocks, read from every given
 * endpoint (the highest answer counts, so a perturbed node's RPC does not
 * matter). The chain goes on while at most a third of the voting power is
 * out; past that it stalls, and a stall is reported promptly with heights
 * instead of waiting out the whole deadline.
 *
 * @param target A network handle, node handles, or Tendermint RPC URLs.
 * @throws UsageError on a bad `blocks` or target, before any request;
 *   ChainStalledError (a TimeoutError) when no block comes within `stallTimeout`.
 *
 * @example
 * ```ts
 * import { waitChainAdvances } from "seinet";
 * await node1.pause!();
 * await waitChainAdvances([v0.tendermintRpc!, v2.tendermintRpc!], { blocks: 3, withNodesDown: [node1.name] });
 * ```
 */
export async function waitChainAdvances(
  target: ChainTarget,
  options: ChainAdvanceOptions,
): Promise<ChainAdvance> {
  const { blocks } = options;
  if (!Number.isSafeInteger(blocks) || blocks < 1) {
    throw new UsageError(`blocks must be a positive integer, got ${String(blocks)}`, { field: "blocks" });
  }
  const stallMs = options.stallTimeout ?? DEFAULT_STALL_MS;
  if (!(stallMs > 0)) {
    throw new UsageError(`stallTimeout must be a positive number of ms, got ${String(stallMs)}`, {
      field: "stallTimeout",
    });
  }
  const urls = rpcUrls(target, "target");
  const down = options.withNodesDown ?? [];
  const { signal, requestTimeout, interval, timeout } = resolveWaitOptions(options);
  const what = `waiting for the chain to commit ${blocks} block${blocks === 1 ? "" : "s"}`;
  const overall = deadline(signal, timeout);
  const began = Date.now();
  let start: number | undefined;
  let last: number | undefined;
  let progressAt = began;
  try {
    for (;;) {
      let height: number | undefined;
      try {
        height = await highestHeight(urls, { signal: overall.signal, requestTimeout });
      } catch (err) {
        if (overall.signal.aborted) throw abortError(overall.signal, what);
        throw err;
      }
      if (height !== undefined && (last === undefined || height > last)) {
        last = height;
        progressAt = Date.now();
      }
      start ??= height;
      if (start !== undefined && last !== undefined && last >= start + blocks) {
        return { start, height: last, msPerBlock: (Date.now() - began) / (last - start) };
      }
      const idle = Date.now() - progressAt;
      if (idle >= stallMs) {
        const at = last === undefined ? "no endpoint answered" : `stuck at height ${last}`;
        throw new ChainStalledError(
          `The chain stalled: ${at} for ${Math.round(idle / 1000)} s (from ${start ?? "?"}, waiting for ${start === undefined ? "?" : start + blocks})${down.length ? ` with ${down.join(", ")} down` : ""}.`,
          { fromHeight: start, height: last, stalledMs: idle, nodesDown: down },
          { metaMessages: [`Endpoints: ${urls.join(", ")}`] },
        );
      }
      await sleep(interval, overall.signal, what);
    }
  } finally {
    overall.dispose();
  }
}
