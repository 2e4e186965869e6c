import assert from "node:assert/strict";
import { test } from "node:test";
import { mnemonicToAccount } from "viem/accounts";
import { TEST_MNEMONIC, testAccounts } from "./testAccounts.js";

test("default: account i is viem's mnemonicToAccount(TEST_MNEMONIC, { addressIndex: i })", () => {
  const accounts = testAccounts(3);
  assert.equal(accounts.length, 3);
  accounts.forEach((a, i) => {
    assert.equal(a.evmAddress, mnemonicToAccount(TEST_MNEMONIC, { addressIndex: i }).address);
    assert.equal(a.hdPath, `m/44'/60'/0'/0/${i}`);
    assert.match(a.seiAddress, /^sei1/);
  });
  // Hardhat's and Anvil's well-known first account.
  assert.equal(accounts[0]?.evmAddress, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
});
