import { poll } from "../internal/poll.js";
import { fetchStatus } from "../readiness/status.js";
import { PROBE_INTERVAL_MS, PROBE_REQUEST_TIMEOUT_MS } from "./defaults.js";

async function evmAnswers(evmRpc: string, signal: AbortSignal): Promise<string | undefined> {
  const response = await fetch(evmRpc, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] }),
    signal: AbortSignal.any([signal, AbortSignal.timeout(PROBE_REQUEST_TIMEOUT_MS)]),
  });
  const body = (await response.json()) as { result?: unknown };
  return typeof body.result === "string" ? undefined : `HTTP ${response.status} without a result`;
}

/**
 * The one light probe `waitReady` makes after the phase is reached: the
 * EVM RPC answers eth_blockNumber, else Tendermint answers /status. Retried
 * until it answers or the signal ends the wait; the strict gates are the
 * readiness helpers.
 */
export async function serveProbe(
  target: { evmRpc?: string | undefined; tendermintRpc?: string | undefined },
  signal: AbortSignal,
  what: string,
): Promise<void> {
  await poll<void>(
    async (s) => {
      try {
        if (target.evmRpc) {
          const problem = await evmAnswers(target.evmRpc, s);
          return problem
            ? { done: false, note: `${target.evmRpc}: ${problem}` }
            : { done: true, value: undefined };
        }
        if (target.tendermintRpc) {
          await fetchStatus(target.tendermintRpc, { signal: s, requestTimeout: PROBE_REQUEST_TIMEOUT_MS });
          return { done: true, value: undefined };
        }
        return { done: true, value: undefined };
      } catch (err) {
        if (s.aborted) throw err;
        return { done: false, note: (err as Error).message };
      }
    },
    { signal, interval: PROBE_INTERVAL_MS, what },
  );
}
