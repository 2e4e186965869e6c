import { FailedError } from "../../../errors/failed.js";
import { endpoint } from "../../../readiness/endpoint.js";
import { getJson } from "../../../readiness/http.js";

/** A block a state-syncing node trusts: the root its light client verifies from. */
export interface TrustPoint {
  height: number;
  hash: string;
}

/** `/block` answers with or without the JSON-RPC envelope (Sei's GET is unwrapped). */
function blockHash(body: unknown): string | undefined {
  const root = (body as { result?: unknown })?.result ?? body;
  const hash = (root as { block_id?: { hash?: unknown } })?.block_id?.hash;
  return typeof hash === "string" && /^[0-9A-Fa-f]{64}$/.test(hash) ? hash.toUpperCase() : undefined;
}

/**
 * Reads the hash of the block at `height` from the first witness that has it,
 * so the trust root comes from the servers the caller named, not from seinet's
 * own records. Fails (FailedError on `resource`) with every witness's answer
 * when none has the block.
 */
export async function trustPoint(
  rpcServers: readonly string[],
  height: number,
  resource: string,
  signal?: AbortSignal,
): Promise<TrustPoint> {
  const answers: string[] = [];
  for (const server of rpcServers) {
    try {
      const body = await getJson(endpoint(`http://${server}`, `/block?height=${height}`), {
        requestTimeout: 5_000,
        ...(signal ? { signal } : {}),
      });
      const hash = blockHash(body);
      if (hash) return { height, hash };
      answers.push(`${server}: no block hash in the answer`);
    } catch (err) {
      if (signal?.aborted) throw err;
      answers.push(`${server}: ${(err as Error).message}`);
    }
  }
  throw new FailedError(`No state-sync witness gave the block at height ${height} to trust.`, {
    resource,
    reason: answers.join("; "),
  });
}
