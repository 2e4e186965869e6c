import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { networkCeremony } from "./networkCeremony.js";
import { generateTestAccount } from "./testAccount.js";
import { testAccounts } from "./testAccounts.js";

describe("networkCeremony", () => {
  test("default: the spec's chain inputs plus the funded test account", () => {
    const account = generateTestAccount();
    const input = networkCeremony(
      {
        name: "net",
        validators: 1,
        genesis: { "gov.x": 1 },
        config: { "p2p.a": "b" },
        snapshots: { interval: 10 },
      },
      { validators: [], fullNodes: [] },
      account,
      {},
    );
    assert.equal(input.chainId, "net");
    assert.deepEqual(input.genesisOverrides, { "gov.x": 1 });
    assert.deepEqual(input.configOverrides, { "p2p.a": "b" });
    assert.deepEqual(input.snapshots, { interval: 10 });
    assert.equal(input.extraAccounts?.length, 1);
    assert.equal(input.extraAccounts?.[0]?.address, account.seiAddress);
    assert.equal(input.extraAccounts?.[0]?.evmAddress, account.evmAddress);
    assert.equal("signal" in input, false);
  });

  test("args: testAccounts funds TEST_MNEMONIC accounts 0..N-1 after the network's own, each associated", () => {
    const input = networkCeremony(
      { name: "net", validators: 1, testAccounts: 4 },
      { validators: [], fullNodes: [] },
      generateTestAccount(),
      {},
    );
    const funded = input.extraAccounts?.slice(1) ?? [];
    assert.deepEqual(
      funded.map((a) => a.evmAddress),
      testAccounts(4).map((a) => a.evmAddress),
    );
    assert.ok(funded.every((a) => a.address.startsWith("sei1") && a.coins.endsWith("usei")));
  });
});
