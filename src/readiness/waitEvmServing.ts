import { endpoint } from "./endpoint.js";
import { postJsonRpc } from "./http.js";
import type { WaitOptions } from "./options.js";
import { waitFor } from "./wait.js";

/**
 * Waits until the EVM JSON-RPC answers `eth_blockNumber`, so EVM tooling
 * (viem, ethers, forge) can be pointed at it. A JSON-RPC error counts as not yet.
 *
 * @param evmRpc EVM JSON-RPC URL, e.g. `http://127.0.0.1:8545`.
 * @returns The block number it answered.
 *
 * @example
 * ```ts
 * import { waitEvmServing } from "seinet";
 * const block = await waitEvmServing("http://127.0.0.1:8545", { timeout: 60_000 });
 * ```
 */
export async function waitEvmServing(evmRpc: string, options?: WaitOptions): Promise<number> {
  const target = endpoint(evmRpc);
  return waitFor(`waiting for ${target.href} to serve eth_blockNumber`, options, async (probe) => {
    const result = await postJsonRpc(target, "eth_blockNumber", [], probe);
    if (typeof result === "string" && /^0x[\da-f]+$/i.test(result)) {
      const block = Number.parseInt(result, 16);
      if (Number.isSafeInteger(block)) return { done: true, value: block };
    }
    return { done: false, note: `eth_blockNumber from ${target.href} gave ${JSON.stringify(result)}` };
  });
}
