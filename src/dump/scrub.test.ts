import assert from "node:assert/strict";
import { test } from "node:test";
import { scrub } from "./scrub.js";

test("default: keys and mnemonics are dropped at any depth, the rest kept", () => {
  assert.deepEqual(
    scrub({
      name: "n",
      testAccount: { privateKey: "0x1", evmAddress: "0xa" },
      nodes: [{ home: "/h", priv_validator_key: { priv_key: "x" }, proc: { pid: 1 } }],
      accounts: [{ mnemonic: "m", privateKey: "0x2", address: "sei1" }],
    }),
    { name: "n", nodes: [{ home: "/h", proc: { pid: 1 } }], accounts: [{ address: "sei1" }] },
  );
});
