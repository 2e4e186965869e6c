import { InfraError } from "../errors/infra.js";
import { poll } from "../internal/poll.js";
import { endpoint } from "../readiness/endpoint.js";
import { postJsonRpc } from "../readiness/http.js";
import { madeBlock } from "../readiness/madeBlock.js";
import { DEFAULT_INTERVAL_MS, DEFAULT_REQUEST_TIMEOUT_MS } from "../readiness/options.js";
import { fetchStatus } from "../readiness/status.js";

/** Kubernetes Service DNS names, reachable only from inside the cluster. */
const IN_CLUSTER = /\.svc(\.cluster\.local)?$/;

/**
 * The one light probe `waitReady` makes after the phase is reached: the EVM
 * RPC answers eth_blockNumber, else Tendermint answers /status (with a first
 * block committed when `firstBlock`: a network's phase may say Ready before
 * any block). Retried until it answers or the signal ends the wait; the
 * strict gates are the readiness helpers. A target that publishes neither
 * endpoint has nothing to probe.
 */
export async function serveProbe(
  target: { evmRpc?: string | undefined; tendermintRpc?: string | undefined },
  signal: AbortSignal,
  what: string,
  options: { firstBlock?: boolean } = {},
): Promise<void> {
  const evm = target.evmRpc ? endpoint(target.evmRpc) : undefined;
  await poll<void>(
    async (s) => {
      const request = { signal: s, requestTimeout: DEFAULT_REQUEST_TIMEOUT_MS };
      try {
        if (evm) await postJsonRpc(evm, "eth_blockNumber", [], request);
        else if (target.tendermintRpc && options.firstBlock) await madeBlock(target.tendermintRpc, request);
        else if (target.tendermintRpc) await fetchStatus(target.tendermintRpc, request);
        return { done: true, value: undefined };
      } catch (err) {
        if (s.aborted) throw err;
        const message = (err as Error).message;
        const url = evm ? target.evmRpc : target.tendermintRpc;
        if (url && /ENOTFOUND|EAI_AGAIN/.test(message) && IN_CLUSTER.test(new URL(url).hostname)) {
          throw new InfraError(`${url} is an in-cluster address this machine cannot resolve.`, {
            metaMessages: [
              "Outside the cluster, call forward() on the handle before waitReady(): it relays the endpoints to 127.0.0.1.",
            ],
            cause: err,
          });
        }
        return { done: false, note: message };
      }
    },
    { signal, interval: DEFAULT_INTERVAL_MS, what },
  );
}
