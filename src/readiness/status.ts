import { endpoint } from "./endpoint.js";
import { getJson } from "./http.js";
import type { NodeStatus } from "./nodeStatus.js";
import type { ProbeOptions } from "./options.js";
import { parseStatus } from "./parseStatus.js";

export type { NodeStatus } from "./nodeStatus.js";

/**
 * Reads a node's Tendermint `/status` once, so a test can see its heights
 * and sync state with nothing but the RPC URL.
 *
 * @param tmRpc Tendermint RPC base URL, e.g. `http://127.0.0.1:26657`; credentials in it become a Basic header.
 * @throws InfraError when the endpoint is unreachable, slow (`requestTimeout`), answers non-2xx or not a status;
 *   CanceledError / TimeoutError when `signal` aborts.
 *
 * @example
 * ```ts
 * import { fetchStatus } from "seinet";
 * const { latestHeight, catchingUp } = await fetchStatus("http://127.0.0.1:26657");
 * ```
 */
export async function fetchStatus(tmRpc: string, options?: ProbeOptions): Promise<NodeStatus> {
  const target = endpoint(tmRpc, "/status");
  return parseStatus(await getJson(target, options), target.href);
}
