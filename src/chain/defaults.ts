/** Denomination of stake and fees on every Sei chain. */
export const BOND_DENOM = "usei";

/** What each validator's account holds in genesis, usei. */
export const VALIDATOR_BALANCE = 10_000_000_000_000n;

/** What each validator bonds in its gentx, usei; voting power = this / 10^6. */
export const VALIDATOR_STAKE = 1_000_000_000_000n;

/** What the network's test account holds, usei (1e9 SEI). */
export const TEST_ACCOUNT_BALANCE = 1_000_000_000_000_000n;

/** usei per unit of Tendermint voting power. */
export const POWER_REDUCTION = 1_000_000n;

/**
 * Power (bonded usei / 10^6) below which Sei's per-validator voting-power cap
 * is not enforced, as seinet sets it: far above the power of every usei a
 * genesis can hold in practice (10^18 power is 10^24 usei), so delegating,
 * redelegating and unbonding work on every topology seinet makes.
 */
export const STAKING_CAP_THRESHOLD = "1000000000000000000";

/**
 * Genesis values seinet sets on every network it makes, before the caller's
 * own `genesis` overrides: short consensus timeouts so a test chain is quick,
 * and short gov periods so a proposal passes in seconds. Paths are module
 * paths under `app_state`, except top-level keys such as `consensus_params`.
 */
export const DEFAULT_GENESIS_OVERRIDES: Readonly<Record<string, unknown>> = {
  "consensus_params.timeout.propose": "500000000",
  "consensus_params.timeout.propose_delta": "100000000",
  "consensus_params.timeout.vote": "50000000",
  "consensus_params.timeout.vote_delta": "100000000",
  // About 6 blocks a second: as fast as followers keep up with (see the gossip
  // sleep in config.ts); at seid's 50 ms they fall behind a lone validator.
  "consensus_params.timeout.commit": "150000000",
  "gov.deposit_params.max_deposit_period": "10s",
  "gov.voting_params.voting_period": "5s",
  "gov.voting_params.expedited_voting_period": "4s",
  // Sei caps each validator at max_voting_power_ratio (20%) of the power once
  // the total passes this threshold (10^6 by default). A test chain's 1-4
  // validators each hold 25-100%, and each bonds 10^6 power, so at the default
  // every delegation fails in DeliverTx (code 41). Above any supply genesis
  // can fund, the cap never bites; set it back to test the cap itself.
  "staking.params.max_voting_power_enforcement_threshold": STAKING_CAP_THRESHOLD,
};
