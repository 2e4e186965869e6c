import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, test } from "node:test";
import { secp256k1 } from "@noble/curves/secp256k1";
import { bech32 } from "@scure/base";
import fc from "fast-check";
import { privateKeyToAccount } from "viem/accounts";
import { generateTestAccount, testAccountFromKey } from "./testAccount.js";

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
  test("default: a valid key whose addresses derive from it", () => {
    const account = generateTestAccount();
    assert.match(account.privateKey, /^0x[0-9a-f]{64}$/);
    assert.deepEqual(account, testAccountFromKey(Buffer.from(account.privateKey.slice(2), "hex")));
    assert.equal(account.evmAddress, privateKeyToAccount(account.privateKey).address);
  });

  test("behavior: every call gives a different key", () => {
    const keys = new Set(Array.from({ length: 20 }, () => generateTestAccount().privateKey));
    assert.equal(keys.size, 20);
  });
});
