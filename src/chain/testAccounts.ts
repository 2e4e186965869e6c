import { HDKey } from "@scure/bip32";
import { mnemonicToSeedSync } from "@scure/bip39";
import { type TestAccount, testAccountFromKey, testAccountPath } from "./testAccount.js";

/**
 * The public mnemonic every seinet network's `testAccounts` derive from (the
 * one Hardhat and Anvil use), so a test suite can name its accounts before a
 * network exists. Public: these keys protect nothing but test chains.
 */
export const TEST_MNEMONIC = "test test test test test test test test test test test junk";

/** Most test accounts a network funds: one per parallel worker, with room. */
export const MAX_TEST_ACCOUNTS = 256;

let root: HDKey | undefined;

/**
 * Test accounts 0..count-1 of {@link TEST_MNEMONIC} at `m/44'/60'/0'/0/<i>`:
 * the keys viem's `mnemonicToAccount(TEST_MNEMONIC, { addressIndex: i })` gives.
 */
export function testAccounts(count: number): TestAccount[] {
  root ??= HDKey.fromMasterSeed(mnemonicToSeedSync(TEST_MNEMONIC));
  const seed = root;
  return Array.from({ length: count }, (_, i) => {
    const hdPath = testAccountPath(i);
    const key = seed.derive(hdPath).privateKey;
    if (!key) throw new RangeError(`No private key at ${hdPath}.`);
    return { mnemonic: TEST_MNEMONIC, hdPath, ...testAccountFromKey(key) };
  });
}
