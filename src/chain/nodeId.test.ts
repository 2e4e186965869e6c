import assert from "node:assert/strict";
import { createHash, generateKeyPairSync } from "node:crypto";
import { describe, test } from "node:test";
import { nodeIdFromNodeKey, peerAddress } from "./nodeId.js";

/** A node_key.json as Tendermint writes it: base64 of seed || public key, and the expected id. */
function nodeKey(): { json: string; id: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const seed = Buffer.from(privateKey.export({ format: "jwk" }).d as string, "base64url");
  const pub = Buffer.from(publicKey.export({ format: "jwk" }).x as string, "base64url");
  const json = JSON.stringify({
    priv_key: { type: "tendermint/PrivKeyEd25519", value: Buffer.concat([seed, pub]).toString("base64") },
  });
  return { json, id: createHash("sha256").update(pub).digest().subarray(0, 20).toString("hex") };
}

describe("nodeIdFromNodeKey", () => {
  test("default: hex of the first 20 bytes of sha256(public key)", () => {
    for (let i = 0; i < 5; i++) {
      const { json, id } = nodeKey();
      assert.equal(nodeIdFromNodeKey(json), id);
      assert.match(id, /^[0-9a-f]{40}$/);
    }
  });

  test("behavior: a fixed key gives a fixed id", () => {
    // seed = 32 zero bytes; its ed25519 public key is the RFC 8032 test vector's.
    const pub = Buffer.from("3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29", "hex");
    const json = JSON.stringify({
      priv_key: {
        type: "tendermint/PrivKeyEd25519",
        value: Buffer.concat([Buffer.alloc(32), pub]).toString("base64"),
      },
    });
    assert.equal(nodeIdFromNodeKey(json), createHash("sha256").update(pub).digest("hex").slice(0, 40));
  });

  test("error: no key, or a key that is not 64 bytes", () => {
    for (const json of [
      "{}",
      JSON.stringify({ priv_key: {} }),
      JSON.stringify({ priv_key: { value: Buffer.alloc(32).toString("base64") } }),
    ]) {
      assert.throws(() => nodeIdFromNodeKey(json), {
        message: "node_key.json does not hold a 64-byte ed25519 key",
      });
    }
    assert.throws(() => nodeIdFromNodeKey("not json"), SyntaxError);
  });
});

describe("peerAddress", () => {
  test("default: id@host:port", () => {
    assert.equal(peerAddress("ab12", "127.0.0.1", 26656), "ab12@127.0.0.1:26656");
  });
});
