import { setTimeout as delay } from "node:timers/promises";
import type { ChainRuntime } from "../chain/runtime.js";
import { FailedError } from "../errors/failed.js";
import { abortError } from "../internal/abort.js";
import { endpoint } from "../readiness/endpoint.js";
import { getJson } from "../readiness/http.js";

/** A transaction as the chain recorded it. */
export interface IncludedTx {
  txHash: string;
  height: number;
  /** `type.key` → value of every event attribute, first value wins. */
  events: Map<string, string>;
}

interface TxResponse {
  txhash?: string;
  code?: number;
  raw_log?: string;
}

interface TxResult {
  height?: string;
  tx_result?: {
    code?: number;
    log?: string;
    events?: { type: string; attributes?: { key: string; value: string }[] }[];
  };
}

const b64 = (text: string) => {
  // Older Tendermint base64-encodes event attributes; 0.35+ sends them plain.
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) return text;
  const decoded = Buffer.from(text, "base64").toString("utf8");
  return /^[\x20-\x7e]*$/.test(decoded) ? decoded : text;
};

/**
 * Signs and broadcasts `seid tx <args>` from a key in `home`'s test keyring
 * through `node` (the RPC as the runtime's seid reaches it), then waits until
 * a block includes it, asking `rpc` (as this process reaches it). A tx the
 * chain refuses (in CheckTx or DeliverTx) is a FailedError carrying the raw log.
 */
export async function broadcastTx(
  rt: ChainRuntime,
  args: readonly string[],
  options: {
    home: string;
    /** Tendermint RPC for `--node`, as seen from where `rt` runs seid. */
    node: string;
    rpc: string;
    chainId: string;
    from: string;
    resource: string;
    signal?: AbortSignal;
  },
): Promise<IncludedTx> {
  const { signal } = options;
  const rpcAddress = options.node.replace(/^http/, "tcp");
  const out = await rt.seid(
    [
      "tx",
      ...args,
      "--from",
      options.from,
      "--chain-id",
      options.chainId,
      "--home",
      options.home,
      "--keyring-backend",
      "test",
      "--node",
      rpcAddress,
      "--broadcast-mode",
      "sync",
      "--output",
      "json",
      "-y",
    ],
    signal,
  );
  const response = JSON.parse(out.slice(out.indexOf("{"))) as TxResponse;
  if (!response.txhash || response.code) {
    throw new FailedError("The chain refused the transaction.", {
      resource: options.resource,
      phase: "Failed",
      reason: response.raw_log || `code ${response.code}`,
    });
  }
  const txHash = response.txhash;
  for (let i = 0; i < 600; i++) {
    if (signal?.aborted) throw abortError(signal, `waiting for tx ${txHash}`);
    const found = (await getJson(endpoint(options.rpc, `/tx?hash=${txHash}`), { signal }).catch(
      () => undefined,
    )) as (TxResult & { result?: TxResult }) | undefined;
    const tx = found?.result ?? found;
    if (tx?.tx_result && tx.height) {
      if (tx.tx_result.code) {
        throw new FailedError("The transaction was included but failed.", {
          resource: options.resource,
          phase: "Failed",
          reason: tx.tx_result.log || `code ${tx.tx_result.code}`,
        });
      }
      const events = new Map<string, string>();
      for (const event of tx.tx_result.events ?? []) {
        for (const attr of event.attributes ?? []) {
          const key = `${event.type}.${b64(attr.key)}`;
          if (!events.has(key)) events.set(key, b64(attr.value));
        }
      }
      return { txHash, height: Number(tx.height), events };
    }
    await delay(100, undefined, { signal }).catch(() => {});
  }
  throw new FailedError("The transaction was not included in a block within 60 s.", {
    resource: options.resource,
    phase: "Failed",
    reason: `tx ${txHash} never appeared at ${options.rpc}`,
  });
}
