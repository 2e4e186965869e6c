import { randomBytes } from "node:crypto";
import { secp256k1 } from "@noble/curves/secp256k1";
import { ripemd160 } from "@noble/hashes/legacy";
import { sha256 } from "@noble/hashes/sha2";
import { keccak_256 } from "@noble/hashes/sha3";
import { bech32 } from "@scure/base";

/**
 * A key funded in genesis so a harness can send transactions at once. Sei
 * maps one secp256k1 key to both address forms; the EVM side is associated on
 * the key's first transaction.
 */
export interface TestAccount {
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

/** A fresh random test account. */
export function generateTestAccount(): TestAccount {
  return testAccountFromKey(secp256k1.utils.randomPrivateKey?.() ?? randomBytes(32));
}
