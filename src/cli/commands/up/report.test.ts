import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { NETWORK, NODE } from "../../reports.fixture.js";
import { renderUp, timingsTable, upDocument } from "./report.js";
import type { UpResult } from "./run.js";

const RESULT: UpResult = {
  network: NETWORK,
  nodes: [{ ...NODE, name: "devnet-0", role: "validator" }, NODE],
  testAccount: { privateKey: "0xkey", evmAddress: "0xevm", seiAddress: "sei1x" },
  timings: {
    createNetwork: 1,
    networkReady: 2,
    createFollowers: 3,
    followersReady: 4,
    caughtUp: 5,
    total: 4200,
  },
};

describe("up report", () => {
  test("default: --json document without the key", () => {
    const doc = upDocument(RESULT, { showKey: false });
    assert.deepEqual(Object.keys(doc), ["command", "network", "nodes", "testAccount", "timings"]);
    assert.equal(doc.command, "up");
    assert.deepEqual(doc.testAccount, { evmAddress: "0xevm", seiAddress: "sei1x", keyName: "test-account" });
    assert.doesNotMatch(JSON.stringify(doc), /0xkey/);
    assert.deepEqual((doc.nodes as (typeof NODE)[])[1]?.endpoints, NODE.endpoints);
  });

  test("args: --show-key puts the key in the document and the report", () => {
    assert.deepEqual(upDocument(RESULT, { showKey: true }).testAccount, {
      ...RESULT.testAccount,
      keyName: "test-account",
    });
    assert.match(renderUp(RESULT, { showKey: true, timings: false }), /private key {2}0xkey/);
  });

  test("default: the human report", () => {
    const text = renderUp(RESULT, { showKey: false, timings: false });
    assert.match(
      text,
      /^Network devnet is Ready in 4\.2 s: chain id devnet, 1 validator, 1 RPC node, seid v6\.6\.2\.\n\nNODE /,
    );
    assert.match(text, /\nEVM RPC for your tests: http:\/\/127\.0\.0\.1:1002\n/);
    assert.match(text, /EVM address {2}0xevm\n {2}Sei address {2}sei1x\n/);
    assert.match(text, /private key {2}hidden; `seinet status devnet --show-key` prints it/);
    assert.doesNotMatch(text, /0xkey|PHASE {12}MS/);
    assert.match(text, /`seinet down devnet` deletes it\.$/);
  });

  test("args: --timings adds the phase breakdown in ms", () => {
    assert.equal(
      timingsTable(RESULT.timings),
      "PHASE            MS\ncreateNetwork    1\nnetworkReady     2\ncreateFollowers  3\nfollowersReady   4\ncaughtUp         5\ntotal            4200",
    );
    assert.match(renderUp(RESULT, { showKey: false, timings: true }), /\nPHASE {12}MS\ncreateNetwork {4}1\n/);
  });
});
