import { parse } from "smol-toml";
import type { ChainRuntime } from "../chain/runtime.js";
import { endpoint } from "../readiness/endpoint.js";
import { getJson } from "../readiness/http.js";

/** A coin amount of one denom, as the chain's params state it. */
export interface Coin {
  denom: string;
  amount: bigint;
}

/** Parses `1000usei,5uatom` into coins. */
export function parseCoinList(text: string): Coin[] {
  return text
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => {
      const m = /^(\d+)([a-zA-Z][a-zA-Z0-9/:._-]*)$/.exec(c);
      if (!m) throw new Error(`not a coin: ${c}`);
      return { amount: BigInt(m[1] as string), denom: m[2] as string };
    });
}

/** The gov module's minimum deposit, from the node's REST API. */
export async function minDeposit(rest: string, signal?: AbortSignal): Promise<Coin[]> {
  const body = (await getJson(endpoint(rest, "/cosmos/gov/v1beta1/params/deposit"), { signal })) as {
    deposit_params?: { min_deposit?: { denom: string; amount: string }[] };
  };
  return (body.deposit_params?.min_deposit ?? []).map((c) => ({ denom: c.denom, amount: BigInt(c.amount) }));
}

/** The gov voting period in ms, from the node's REST API. */
export async function votingPeriodMs(rest: string, signal?: AbortSignal): Promise<number> {
  const body = (await getJson(endpoint(rest, "/cosmos/gov/v1beta1/params/voting"), { signal })) as {
    voting_params?: { voting_period?: string };
  };
  const text = body.voting_params?.voting_period ?? "0s";
  const seconds = Number.parseFloat(text);
  return Number.isFinite(seconds) ? Math.round(seconds * 1000) : 0;
}

/**
 * The node's `minimum-gas-prices` (app.toml), e.g. 0.01usei → { usei: 0.01 },
 * read through the runtime that holds its home (the host, or its container).
 */
export async function minimumGasPrices(rt: ChainRuntime, home: string): Promise<Map<string, number>> {
  const app = parse(await rt.readFile(`${home}/config/app.toml`)) as { "minimum-gas-prices"?: string };
  const out = new Map<string, number>();
  for (const part of (app["minimum-gas-prices"] ?? "").split(",")) {
    const m = /^([\d.]+)([a-zA-Z][a-zA-Z0-9/:._-]*)$/.exec(part.trim());
    if (m) out.set(m[2] as string, Number(m[1]));
  }
  return out;
}
