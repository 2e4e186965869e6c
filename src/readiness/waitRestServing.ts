import { endpoint } from "./endpoint.js";
import { getJson } from "./http.js";
import type { WaitOptions } from "./options.js";
import { waitFor } from "./wait.js";

/** Cosmos REST route every Sei node serves once its API server is up. */
const NODE_INFO_PATH = "/cosmos/base/tendermint/v1beta1/node_info";

/**
 * Waits until the Cosmos REST API (LCD) answers node_info with JSON, since
 * it starts after the RPC and a test hitting it early gets connection errors.
 *
 * @param rest Cosmos REST base URL, e.g. `http://127.0.0.1:1317`.
 *
 * @example
 * ```ts
 * import { waitRestServing } from "seinet";
 * await waitRestServing("http://127.0.0.1:1317", { timeout: 60_000 });
 * ```
 */
export async function waitRestServing(rest: string, options?: WaitOptions): Promise<void> {
  const target = endpoint(rest, NODE_INFO_PATH);
  await waitFor(`waiting for ${target.href} to serve`, options, async (probe) => {
    await getJson(target, probe);
    return { done: true, value: undefined };
  });
}
