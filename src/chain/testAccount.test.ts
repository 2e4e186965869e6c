import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, test } from "node:test";
import { secp256k1 } from "@noble/curves/secp256k1";
import { bech32 } from "@scure/base";
import fc from "fast-check";
import { mnemonicToAccount, privateKeyToAccount } from "viem/accounts";
import {
  generateTestAccount,
  testAccountFromKey,
  testAccountFromMnemonic,
  testAccountPath,
} from "./testAccount.js";

const N = secp256k1.CURVE.n;

function keyBytes(k: bigint): Uint8Array {
  return Uint8Array.from(Buffer.from(k.toString(16).padStart(64, "0"), "hex"));
}

/**
 * A second derivation of the sei address: compress the uncompressed point by
 * hand, hash with node:crypto, and read the bech32 back instead of writing it.
 */
function hash160OfKey(privateKey: Uint8Array): Buffer {
  const point = secp256k1.getPublicKey(privateKey, false);
  const x = point.subarray(1, 33);
  const yOdd = (point[64] as number) & 1;
  const compressed = Buffer.concat([Buffer.from([yOdd ? 0x03 : 0x02]), x]);
  const sha = createHash("sha256").update(compressed).digest();
  return createHash("ripemd160").update(sha).digest();
}

function bech32Bytes(address: string): { prefix: string; bytes: Buffer } {
  const { prefix, words } = bech32.decode(address as `${string}1${string}`);
  return { prefix, bytes: Buffer.from(bech32.fromWords(words)) };
}

describe("testAccountFromKey", () => {
  test("default: private key 1 gives the well-known addresses", () => {
    const account = testAccountFromKey(keyBytes(1n));
    assert.equal(account.privateKey, `0x${"0".repeat(63)}1`);
    assert.equal(account.evmAddress, "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
    // hash160 of the compressed generator point, as in Bitcoin's P2PKH for key 1.
    assert.deepEqual(bech32Bytes(account.seiAddress), {
      prefix: "sei",
      bytes: Buffer.from("751e76e8199196d454941c45d1b3a323f1433bd6", "hex"),
    });
  });

  test("behavior: the EVM address matches viem's privateKeyToAccount and is EIP-55", () => {
    for (const k of [1n, 2n, 0xdeadbeefn, N - 1n, N / 2n]) {
      const account = testAccountFromKey(keyBytes(k));
      const viem = privateKeyToAccount(account.privateKey);
      // viem's address is EIP-55 checksummed: equal strings mean equal checksums.
      assert.equal(account.evmAddress, viem.address);
      assert.notEqual(account.evmAddress, account.evmAddress.toLowerCase());
    }
  });

  test("behavior: both addresses agree with independent derivations for any valid key (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: N - 1n }), (k) => {
        const key = keyBytes(k);
        const account = testAccountFromKey(key);
        assert.equal(account.privateKey, `0x${Buffer.from(key).toString("hex")}`);
        assert.equal(account.evmAddress, privateKeyToAccount(account.privateKey).address);
        assert.match(account.seiAddress, /^sei1[02-9ac-hj-np-z]{38}$/);
        assert.deepEqual(bech32Bytes(account.seiAddress), { prefix: "sei", bytes: hash160OfKey(key) });
      }),
      { numRuns: 30 },
    );
  });

  test("error: a key of 0 or at the curve order is refused", () => {
    assert.throws(() => testAccountFromKey(new Uint8Array(32)));
    assert.throws(() => testAccountFromKey(keyBytes(N)));
  });
});

describe("generateTestAccount", () => {
  test("default: a 12-word mnemonic whose first EVM key is the account", () => {
    const account = generateTestAccount();
    assert.match(account.privateKey, /^0x[0-9a-f]{64}$/);
    assert.equal(account.mnemonic?.split(" ").length, 12);
    assert.equal(account.hdPath, "m/44'/60'/0'/0/0");
    const { mnemonic, hdPath, ...key } = account;
    assert.deepEqual(key, testAccountFromKey(Buffer.from(account.privateKey.slice(2), "hex")));
    assert.equal(account.evmAddress, mnemonicToAccount(mnemonic as string).address);
  });

  test("behavior: every call gives a different key", () => {
    const keys = new Set(Array.from({ length: 20 }, () => generateTestAccount().privateKey));
    assert.equal(keys.size, 20);
  });
});

// The Hardhat/Anvil test mnemonic: its keys are published, so the expected
// values below come from outside this code.
const TEST_MNEMONIC = "test test test test test test test test test test test junk";

describe("testAccountFromMnemonic", () => {
  test("default: index 0 is Anvil's first account", () => {
    const account = testAccountFromMnemonic(TEST_MNEMONIC);
    assert.equal(account.evmAddress, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    assert.equal(account.privateKey, "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    assert.equal(account.hdPath, "m/44'/60'/0'/0/0");
    assert.equal(account.mnemonic, TEST_MNEMONIC);
  });

  test("args: index picks the account, as viem's addressIndex does", () => {
    for (const index of [1, 2, 7]) {
      const account = testAccountFromMnemonic(TEST_MNEMONIC, index);
      assert.equal(account.evmAddress, mnemonicToAccount(TEST_MNEMONIC, { addressIndex: index }).address);
      assert.equal(account.hdPath, `m/44'/60'/0'/0/${index}`);
    }
  });

  test("error: an invalid mnemonic or index is refused", () => {
    assert.throws(() => testAccountFromMnemonic("test test test"), /BIP-39/);
    assert.throws(() => testAccountFromMnemonic(TEST_MNEMONIC, -1), RangeError);
    assert.throws(() => testAccountPath(1.5), RangeError);
  });
});
