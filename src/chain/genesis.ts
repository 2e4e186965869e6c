import { BOND_DENOM, DEFAULT_GENESIS_OVERRIDES, POWER_REDUCTION } from "./defaults.js";
import { setDotted } from "./dottedPath.js";

/** A genesis document as JSON: only the parts seinet touches are typed. */
export type GenesisDoc = Record<string, unknown> & {
  app_state: Record<string, Record<string, unknown>>;
};

/** A plain account funded in genesis. */
export interface FundedAccount {
  address: string;
  /** Coins with denom, e.g. `1000usei,5uatom`. */
  coins: string;
  /**
   * The same key's EVM address: associated in the evm module's genesis so the
   * EVM side sees the balance from block 1 (unassociated, an EVM address maps
   * to a different, empty account).
   */
  evmAddress?: string;
}

/** A validator pinned into genesis `validators`. */
export interface PinnedValidator {
  name: string;
  /** priv_validator_key.json of its home. */
  privValidatorKeyJson: string;
  /** Bonded usei. */
  stake: bigint;
}

function parseCoins(coins: string): { denom: string; amount: string }[] {
  return coins
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => {
      const match = /^(\d+)([a-zA-Z][a-zA-Z0-9/:._-]*)$/.exec(c);
      if (!match) throw new Error(`not a coin: ${c}`);
      return { denom: match[2] as string, amount: BigInt(match[1] as string).toString() };
    })
    .sort((a, b) => (a.denom < b.denom ? -1 : a.denom > b.denom ? 1 : 0));
}

/**
 * Adds plain accounts to auth and bank, as `add-genesis-account` would, in one
 * pass instead of one seid run per account.
 */
export function addAccounts(genesis: GenesisDoc, accounts: readonly FundedAccount[]): void {
  const auth = genesis.app_state.auth as { accounts: unknown[] };
  const bank = genesis.app_state.bank as { balances: { address: string; coins: unknown[] }[] };
  for (const account of accounts) {
    if (bank.balances.some((b) => b.address === account.address)) {
      throw new Error(`genesis already funds ${account.address}`);
    }
    auth.accounts.push({
      "@type": "/cosmos.auth.v1beta1.BaseAccount",
      address: account.address,
      pub_key: null,
      account_number: "0",
      sequence: "0",
    });
    bank.balances.push({ address: account.address, coins: parseCoins(account.coins) });
    if (account.evmAddress) {
      const evm = genesis.app_state.evm as { address_associations?: unknown[] };
      evm.address_associations = [
        ...(evm.address_associations ?? []),
        { sei_address: account.address, eth_address: account.evmAddress },
      ];
    }
  }
}

/**
 * Pins validators into genesis `validators`, as their gentxs will bond them
 * (InitChain checks the two agree). A lone validator needs this to start
 * consensus at once instead of waiting in block sync for peers that never
 * come; a follower that state-syncs needs it because it loads its first state
 * straight from genesis.
 */
export function pinValidators(genesis: GenesisDoc, validators: readonly PinnedValidator[]): void {
  genesis.validators = validators.map((v) => {
    const key = JSON.parse(v.privValidatorKeyJson) as { address: string; pub_key: unknown };
    return {
      address: key.address,
      pub_key: key.pub_key,
      power: (v.stake / POWER_REDUCTION).toString(),
      name: v.name,
    };
  });
}

/** Top-level genesis keys; any other first segment names a module under `app_state`. */
const TOP_LEVEL = new Set(["consensus_params", "genesis_time", "initial_height", "chain_id", "app_hash"]);

/**
 * Where a dotted override lands: `staking.params.unbonding_time` (a module
 * path, as the SeiNetwork CRD takes it) under `app_state`, or a top-level key
 * such as `consensus_params.timeout.propose` as written.
 */
export function genesisPath(path: string): string {
  const first = path.split(".")[0] as string;
  return TOP_LEVEL.has(first) || first === "app_state" ? path : `app_state.${path}`;
}

/**
 * Applies dotted-path overrides: seinet's defaults first (short timeouts and
 * gov periods), then the caller's, which win.
 */
export function applyGenesisOverrides(
  genesis: GenesisDoc,
  overrides: Readonly<Record<string, unknown>> = {},
): void {
  for (const [path, value] of Object.entries({ ...DEFAULT_GENESIS_OVERRIDES, ...overrides })) {
    setDotted(genesis, genesisPath(path), value);
  }
}

/** Coins string for an amount of the bond denom. */
export function usei(amount: bigint): string {
  return `${amount}${BOND_DENOM}`;
}
