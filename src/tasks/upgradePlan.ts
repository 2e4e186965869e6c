import { endpoint } from "../readiness/endpoint.js";
import { getJson } from "../readiness/http.js";

/**
 * The height of the software upgrade the chain has scheduled and not yet
 * applied, from the node's REST API; undefined when none is pending. A node
 * that reports this height has stored the block but not applied it: an old
 * seid is about to halt there, so the height alone proves nothing yet.
 */
export async function pendingUpgradeHeight(rest: string, signal?: AbortSignal): Promise<number | undefined> {
  const body = (await getJson(endpoint(rest, "/cosmos/upgrade/v1beta1/current_plan"), { signal })) as {
    plan?: { height?: string } | null;
  };
  const height = Number(body.plan?.height ?? Number.NaN);
  return Number.isSafeInteger(height) && height > 0 ? height : undefined;
}
