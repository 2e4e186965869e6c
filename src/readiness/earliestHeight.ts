import type { ProbeOptions } from "./options.js";
import { fetchStatus } from "./status.js";

/**
 * Reads the oldest block height a node still has once, e.g. to check that a
 * state-synced node did not replay from genesis.
 *
 * @param tmRpc Tendermint RPC base URL, e.g. `http://127.0.0.1:26657`.
 * @throws InfraError when the endpoint gives no usable status; CanceledError / TimeoutError when `signal` aborts.
 *
 * @example
 * ```ts
 * import { earliestHeight } from "seinet";
 * if ((await earliestHeight("http://127.0.0.1:26657")) > 1) console.log("state-synced");
 * ```
 */
export async function earliestHeight(tmRpc: string, options?: ProbeOptions): Promise<number> {
  return (await fetchStatus(tmRpc, options)).earliestHeight;
}
