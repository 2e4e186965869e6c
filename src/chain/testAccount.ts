import { secp256k1 } from "@noble/curves/secp256k1";
import { ripemd160 } from "@noble/hashes/legacy";
import { sha256 } from "@noble/hashes/sha2";
import { keccak_256 } from "@noble/hashes/sha3";
import { bech32 } from "@scure/base";
import { HDKey } from "@scure/bip32";
import { generateMnemonic, mnemonicToSeedSync, validateMnemonic } from "@scure/bip39";
import { wordlist } from "@scure/bip39/wordlists/english";

/**
 * A key funded in genesis so a harness can send transactions at once. Sei
 * maps one secp256k1 key to both address forms, and seinet associates the two
 * in genesis, so the EVM and Cosmos sides see one balance from block 1.
 */
export interface TestAccount {
  /**
   * BIP-39 mnemonic (English, no passphrase) the key derives from at
   * {@link hdPath}: viem's `mnemonicToAccount` and `seid keys add --recover
   * --hd-path` both reach the same key. Absent on networks made by seinet
   * versions that kept only the private key.
   */
  mnemonic?: string;
  /** BIP-44 path of the key, `m/44'/60'/0'/0/<index>` (the EVM one, as Anvil and Hardhat use). */
  hdPath?: string;
  /** 0x-prefixed 32-byte hex private key (EVM style). */
  privateKey: `0x${string}`;
  /** EIP-55 checksummed EVM address. */
  evmAddress: `0x${string}`;
  /** Bech32 `sei1…` address of the same key. */
  seiAddress: string;
}

function toChecksumAddress(hexNoPrefix: string): `0x${string}` {
  const hash = Buffer.from(keccak_256(new TextEncoder().encode(hexNoPrefix))).toString("hex");
  let out = "0x";
  for (let i = 0; i < hexNoPrefix.length; i++) {
    const c = hexNoPrefix[i] as string;
    out += Number.parseInt(hash[i] as string, 16) >= 8 ? c.toUpperCase() : c;
  }
  return out as `0x${string}`;
}

/** Derives both addresses of a secp256k1 private key. */
export function testAccountFromKey(privateKey: Uint8Array): TestAccount {
  const compressed = secp256k1.getPublicKey(privateKey, true);
  const uncompressed = secp256k1.getPublicKey(privateKey, false);
  const evm = Buffer.from(keccak_256(uncompressed.subarray(1)).subarray(12)).toString("hex");
  const seiAddress = bech32.encode("sei", bech32.toWords(ripemd160(sha256(compressed))));
  return {
    privateKey: `0x${Buffer.from(privateKey).toString("hex")}`,
    evmAddress: toChecksumAddress(evm),
    seiAddress,
  };
}

/** BIP-44 path of test account `index`: Ethereum's coin type, so EVM wallets derive the same key. */
export function testAccountPath(index = 0): string {
  if (!Number.isInteger(index) || index < 0 || index >= 2 ** 31) {
    throw new RangeError(`Expected an account index from 0 to 2^31-1, got ${index}.`);
  }
  return `m/44'/60'/0'/0/${index}`;
}

/**
 * The test account a mnemonic gives at `index`: the key at
 * {@link testAccountPath}, with both its addresses.
 */
export function testAccountFromMnemonic(mnemonic: string, index = 0): TestAccount {
  if (!validateMnemonic(mnemonic, wordlist)) throw new RangeError("Not a valid English BIP-39 mnemonic.");
  const hdPath = testAccountPath(index);
  const key = HDKey.fromMasterSeed(mnemonicToSeedSync(mnemonic)).derive(hdPath).privateKey;
  if (!key) throw new RangeError(`No private key at ${hdPath}.`);
  return { mnemonic, hdPath, ...testAccountFromKey(key) };
}

/** A fresh random test account: a new 12-word mnemonic and its first key. */
export function generateTestAccount(): TestAccount {
  return testAccountFromMnemonic(generateMnemonic(wordlist, 128));
}
