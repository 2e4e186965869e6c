import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DEFAULT_GENESIS_OVERRIDES, STAKING_CAP_THRESHOLD, VALIDATOR_STAKE } from "./defaults.js";
import {
  type GenesisDoc,
  addAccounts,
  applyGenesisOverrides,
  genesisPath,
  pinValidators,
  usei,
} from "./genesis.js";

/** The shape `seid init` leaves, cut to the modules seinet touches. */
function freshGenesis(): GenesisDoc {
  return {
    genesis_time: "2024-01-01T00:00:00Z",
    chain_id: "test-chain",
    initial_height: "1",
    consensus_params: {
      block: { max_bytes: "22020096", max_gas: "-1" },
      timeout: {
        propose: "3000000000",
        propose_delta: "500000000",
        vote: "1000000000",
        commit: "1000000000",
      },
    },
    app_hash: "",
    app_state: {
      auth: { params: { max_memo_characters: "256" }, accounts: [] },
      bank: { params: { default_send_enabled: true }, balances: [], supply: [], denom_metadata: [] },
      evm: { params: {}, address_associations: [] },
      gov: {
        deposit_params: { max_deposit_period: "172800s" },
        voting_params: { voting_period: "172800s", expedited_voting_period: "86400s" },
      },
      staking: {
        params: {
          unbonding_time: "1814400s",
          bond_denom: "usei",
          max_voting_power_ratio: "0.200000000000000000",
          max_voting_power_enforcement_threshold: "1000000",
        },
      },
    },
  };
}

const SEI_A = "sei1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqa";
const SEI_B = "sei1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqb";
const EVM_A = "0x00000000000000000000000000000000000000aA";

const PRIV_VALIDATOR_KEY = JSON.stringify({
  address: "3C0DB1B4D0F5AD1E9C8F0E5F3B1A2C4D5E6F7081",
  pub_key: { type: "tendermint/PubKeyEd25519", value: "q0Gx0kB8o3nQ0yZ4c0h4u9dXv3y0N3bG9nYdWq0x3Xk=" },
  priv_key: { type: "tendermint/PrivKeyEd25519", value: "c2VjcmV0" },
});

describe("addAccounts", () => {
  test("default: an account in auth and its coins in bank", () => {
    const genesis = freshGenesis();
    addAccounts(genesis, [{ address: SEI_A, coins: "1000usei" }]);
    assert.deepEqual(genesis.app_state.auth?.accounts, [
      {
        "@type": "/cosmos.auth.v1beta1.BaseAccount",
        address: SEI_A,
        pub_key: null,
        account_number: "0",
        sequence: "0",
      },
    ]);
    assert.deepEqual(genesis.app_state.bank?.balances, [
      { address: SEI_A, coins: [{ denom: "usei", amount: "1000" }] },
    ]);
    assert.deepEqual(genesis.app_state.evm?.address_associations, []);
  });

  test("behavior: coins are sorted by denom, trimmed, amounts kept exact beyond 2^53", () => {
    const genesis = freshGenesis();
    addAccounts(genesis, [
      { address: SEI_A, coins: " 5uatom, 1000000000000000000000usei ,7factory/sei1x/abc,3ibc/27394FB0" },
    ]);
    assert.deepEqual(genesis.app_state.bank?.balances, [
      {
        address: SEI_A,
        coins: [
          { denom: "factory/sei1x/abc", amount: "7" },
          { denom: "ibc/27394FB0", amount: "3" },
          { denom: "uatom", amount: "5" },
          { denom: "usei", amount: "1000000000000000000000" },
        ],
      },
    ]);
  });

  test("behavior: several accounts in one pass keep their order", () => {
    const genesis = freshGenesis();
    addAccounts(genesis, [
      { address: SEI_A, coins: "1usei" },
      { address: SEI_B, coins: "2usei" },
    ]);
    const auth = genesis.app_state.auth?.accounts as { address: string }[];
    const bank = genesis.app_state.bank?.balances as { address: string }[];
    assert.deepEqual(
      auth.map((a) => a.address),
      [SEI_A, SEI_B],
    );
    assert.deepEqual(
      bank.map((b) => b.address),
      [SEI_A, SEI_B],
    );
  });

  test("behavior: an EVM address is associated with the sei address", () => {
    const genesis = freshGenesis();
    addAccounts(genesis, [
      { address: SEI_A, coins: "1usei", evmAddress: EVM_A },
      { address: SEI_B, coins: "1usei" },
    ]);
    assert.deepEqual(genesis.app_state.evm?.address_associations, [
      { sei_address: SEI_A, eth_address: EVM_A },
    ]);
  });

  test("behavior: associations are appended to those genesis already has, or created", () => {
    const genesis = freshGenesis();
    genesis.app_state.evm = { params: {}, address_associations: [{ sei_address: "x", eth_address: "y" }] };
    addAccounts(genesis, [{ address: SEI_A, coins: "1usei", evmAddress: EVM_A }]);
    assert.equal((genesis.app_state.evm.address_associations as unknown[]).length, 2);

    const bare = freshGenesis();
    bare.app_state.evm = { params: {} };
    addAccounts(bare, [{ address: SEI_A, coins: "1usei", evmAddress: EVM_A }]);
    assert.deepEqual(bare.app_state.evm.address_associations, [{ sei_address: SEI_A, eth_address: EVM_A }]);
  });

  test("error: an address genesis already funds is refused", () => {
    const genesis = freshGenesis();
    addAccounts(genesis, [{ address: SEI_A, coins: "1usei" }]);
    assert.throws(() => addAccounts(genesis, [{ address: SEI_A, coins: "2usei" }]), {
      message: `genesis already funds ${SEI_A}`,
    });
    assert.throws(
      () =>
        addAccounts(freshGenesis(), [
          { address: SEI_B, coins: "1usei" },
          { address: SEI_B, coins: "1usei" },
        ]),
      { message: `genesis already funds ${SEI_B}` },
    );
  });

  test("error: a coin without amount or denom", () => {
    for (const bad of ["usei", "100", "-5usei", "1.5usei", "10 usei", "5_usei"]) {
      assert.throws(
        () => addAccounts(freshGenesis(), [{ address: SEI_A, coins: bad }]),
        /^Error: not a coin: /,
        bad,
      );
    }
  });
});

describe("pinValidators", () => {
  test("default: address and pub_key from priv_validator_key.json, power = stake / 10^6", () => {
    const genesis = freshGenesis();
    pinValidators(genesis, [
      { name: "v0", privValidatorKeyJson: PRIV_VALIDATOR_KEY, stake: VALIDATOR_STAKE },
    ]);
    const key = JSON.parse(PRIV_VALIDATOR_KEY) as { address: string; pub_key: unknown };
    assert.deepEqual(genesis.validators, [
      { address: key.address, pub_key: key.pub_key, power: "1000000", name: "v0" },
    ]);
  });

  test("behavior: power truncates below 10^6 usei and stays exact for big stakes", () => {
    const genesis = freshGenesis();
    pinValidators(genesis, [
      { name: "a", privValidatorKeyJson: PRIV_VALIDATOR_KEY, stake: 1_999_999n },
      { name: "b", privValidatorKeyJson: PRIV_VALIDATOR_KEY, stake: 10n ** 30n },
    ]);
    const powers = (genesis.validators as { power: string }[]).map((v) => v.power);
    assert.deepEqual(powers, ["1", (10n ** 24n).toString()]);
  });

  test("behavior: replaces whatever validators genesis had", () => {
    const genesis = freshGenesis();
    genesis.validators = [{ name: "old" }];
    pinValidators(genesis, []);
    assert.deepEqual(genesis.validators, []);
  });

  test("error: a key file that is not JSON", () => {
    assert.throws(() =>
      pinValidators(freshGenesis(), [{ name: "v", privValidatorKeyJson: "{", stake: VALIDATOR_STAKE }]),
    );
  });
});

describe("genesisPath", () => {
  test("default: a module path goes under app_state", () => {
    assert.equal(genesisPath("staking.params.unbonding_time"), "app_state.staking.params.unbonding_time");
    assert.equal(genesisPath("gov"), "app_state.gov");
  });

  test("behavior: top-level keys stay at the top", () => {
    for (const key of [
      "consensus_params.block.max_gas",
      "genesis_time",
      "initial_height",
      "chain_id",
      "app_hash",
    ]) {
      assert.equal(genesisPath(key), key);
    }
  });
});

describe("applyGenesisOverrides", () => {
  test("default: seinet's short timeouts and gov periods", () => {
    const genesis = freshGenesis();
    applyGenesisOverrides(genesis);
    const cp = genesis.consensus_params as { timeout: Record<string, string>; block: Record<string, string> };
    assert.deepEqual(cp.timeout, {
      propose: "500000000",
      propose_delta: "100000000",
      vote: "50000000",
      vote_delta: "100000000",
      commit: "150000000",
    });
    // Siblings of an overridden key survive.
    assert.deepEqual(cp.block, { max_bytes: "22020096", max_gas: "-1" });
    assert.deepEqual(genesis.app_state.gov, {
      deposit_params: { max_deposit_period: "10s" },
      voting_params: { voting_period: "5s", expedited_voting_period: "4s" },
    });
    // Nothing default lands under app_state.consensus_params.
    assert.equal(genesis.app_state.consensus_params, undefined);
    // The voting-power cap's threshold sits above any supply: delegations pass.
    const staking = genesis.app_state.staking as { params: Record<string, string> };
    assert.equal(staking.params.max_voting_power_enforcement_threshold, STAKING_CAP_THRESHOLD);
    assert.equal(staking.params.max_voting_power_ratio, "0.200000000000000000");
    assert.equal(Object.keys(DEFAULT_GENESIS_OVERRIDES).length, 9);
  });

  test("behavior: the caller's value wins over a default", () => {
    const genesis = freshGenesis();
    applyGenesisOverrides(genesis, {
      "gov.voting_params.voting_period": "30s",
      "consensus_params.timeout.commit": "1000000000",
    });
    assert.equal((genesis.app_state.gov?.voting_params as Record<string, unknown>).voting_period, "30s");
    assert.equal(
      (genesis.consensus_params as { timeout: Record<string, string> }).timeout.commit,
      "1000000000",
    );
  });

  test("behavior: a caller's parent object replaces the defaults under it", () => {
    const genesis = freshGenesis();
    applyGenesisOverrides(genesis, { "gov.voting_params": { voting_period: "60s" } });
    assert.deepEqual(genesis.app_state.gov?.voting_params, { voting_period: "60s" });
  });

  test("behavior: module paths land under app_state, with JSON values as given", () => {
    const genesis = freshGenesis();
    applyGenesisOverrides(genesis, {
      "staking.params.unbonding_time": "60s",
      "staking.params.max_validators": 7,
      "bank.params.default_send_enabled": false,
      "mint.params.inflation": ["1", "2"],
      "consensus_params.block.max_gas": "100000000",
      chain_id: "other",
    });
    const staking = genesis.app_state.staking?.params as Record<string, unknown>;
    assert.equal(staking.unbonding_time, "60s");
    assert.equal(staking.max_validators, 7);
    assert.equal(staking.bond_denom, "usei");
    assert.equal((genesis.app_state.bank?.params as Record<string, unknown>).default_send_enabled, false);
    assert.deepEqual(genesis.app_state.mint, { params: { inflation: ["1", "2"] } });
    assert.equal((genesis.consensus_params as { block: Record<string, string> }).block.max_gas, "100000000");
    assert.equal(genesis.chain_id, "other");
    assert.equal(genesis.staking, undefined);
  });

  test("behavior: a __proto__ path is data, never the prototype of every object", () => {
    const genesis = freshGenesis();
    applyGenesisOverrides(genesis, { "__proto__.polluted": "yes", "gov.__proto__.polluted": "yes" });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(genesis.app_state), Object.prototype);
    assert.deepEqual(JSON.parse(JSON.stringify(genesis.app_state.__proto__)), { polluted: "yes" });
  });
});

describe("usei", () => {
  test("default: amount and bond denom", () => {
    assert.equal(usei(10n ** 21n), "1000000000000000000000usei");
  });
});
