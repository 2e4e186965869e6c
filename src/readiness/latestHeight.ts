import type { ProbeOptions } from "./options.js";
import { fetchStatus } from "./status.js";

/**
 * Reads a node's latest block height once, to compare nodes or record a
 * starting point without a client.
 *
 * @param tmRpc Tendermint RPC base URL, e.g. `http://127.0.0.1:26657`.
 * @throws InfraError when the endpoint gives no usable status; CanceledError / TimeoutError when `signal` aborts.
 *
 * @example
 * ```ts
 * import { latestHeight } from "seinet";
 * const height = await latestHeight("http://127.0.0.1:26657");
 * ```
 */
export async function latestHeight(tmRpc: string, options?: ProbeOptions): Promise<number> {
  return (await fetchStatus(tmRpc, options)).latestHeight;
}
