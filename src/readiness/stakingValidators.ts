import { bech32 } from "@scure/base";
import { InfraError } from "../errors/infra.js";
import { endpoint } from "./endpoint.js";
import { getJson } from "./http.js";
import type { ProbeOptions } from "./options.js";

/** One validator as the staking module reports it, with the account that operates it. */
export interface StakingValidator {
  /** The name it was created with; seinet's validators carry their node's name. */
  moniker: string;
  /** `seivaloper1…`: what `delegate`, `redelegate` and `unbond` take. */
  operatorAddress: string;
  /** `sei1…` of the same key: the validator's own account (its self-delegator). */
  accountAddress: string;
  /** Bonded usei, as a decimal string. */
  tokens: string;
  /** `BOND_STATUS_BONDED`, `…_UNBONDING` or `…_UNBONDED`. */
  status: string;
  jailed: boolean;
}

interface ValidatorsPage {
  validators?: {
    operator_address?: string;
    description?: { moniker?: string };
    tokens?: string;
    status?: string;
    jailed?: boolean;
  }[];
  pagination?: { next_key?: string | null };
}

/** The `sei1…` account address of a `seivaloper1…` operator: the same bytes, the account prefix. */
export function operatorAccount(operatorAddress: string): string {
  const { words } = bech32.decode(operatorAddress as `${string}1${string}`);
  return bech32.encode("sei", words);
}

/**
 * Reads every validator the chain knows (bonded or not) once, through a
 * node's REST endpoint, so a harness can delegate to one by its node's name
 * without asking seid.
 *
 * @param rest REST (LCD) base URL, e.g. `http://127.0.0.1:1317`.
 * @throws InfraError when the endpoint gives no usable answer; CanceledError / TimeoutError when `signal` aborts.
 *
 * @example
 * ```ts
 * import { stakingValidators } from "seinet";
 * const [first] = await stakingValidators("http://127.0.0.1:1317");
 * console.log(first?.moniker, first?.operatorAddress);
 * ```
 */
export async function stakingValidators(rest: string, options?: ProbeOptions): Promise<StakingValidator[]> {
  const out: StakingValidator[] = [];
  let key: string | undefined;
  // Bounded: 100 validators a page, and a network holds at most 100.
  for (let page = 0; page < 10; page++) {
    const query = `/cosmos/staking/v1beta1/validators?pagination.limit=100${key ? `&pagination.key=${encodeURIComponent(key)}` : ""}`;
    const body = (await getJson(endpoint(rest, query), options)) as ValidatorsPage;
    if (!Array.isArray(body.validators)) {
      throw new InfraError(`No validator list from ${endpoint(rest).href}.`);
    }
    for (const v of body.validators) {
      if (!v.operator_address) continue;
      out.push({
        moniker: v.description?.moniker ?? "",
        operatorAddress: v.operator_address,
        accountAddress: operatorAccount(v.operator_address),
        tokens: v.tokens ?? "0",
        status: v.status ?? "",
        jailed: v.jailed === true,
      });
    }
    key = body.pagination?.next_key ?? undefined;
    if (!key) break;
  }
  return out;
}
