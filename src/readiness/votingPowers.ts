import { endpoint } from "./endpoint.js";
import { getJson } from "./http.js";
import type { ProbeOptions } from "./options.js";

type ValidatorsBody = { validators?: { address?: unknown; voting_power?: unknown }[]; total?: unknown };

/**
 * The voting power of each validator in the current set, by consensus
 * address (upper-case hex), read from Tendermint RPC `/validators`: what
 * decides whether a round can end with some validators unable to vote.
 */
export async function votingPowers(tmRpc: string, options?: ProbeOptions): Promise<Map<string, number>> {
  const powers = new Map<string, number>();
  for (let page = 1; page <= 10; page++) {
    const answer = (await getJson(endpoint(tmRpc, `/validators?per_page=100&page=${page}`), options)) as {
      result?: ValidatorsBody;
    } & ValidatorsBody;
    const body = answer.result ?? answer;
    for (const v of body.validators ?? []) {
      const power = Number(v.voting_power);
      if (typeof v.address === "string" && Number.isFinite(power)) powers.set(v.address.toUpperCase(), power);
    }
    if (powers.size >= Number(body.total ?? 0) || (body.validators ?? []).length === 0) break;
  }
  return powers;
}
