import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { NodeInfo } from "./nodeInfo.js";
import { accountInfo, accountLines, age, namespaceArg, nodesTable, showKeyCommand } from "./render.js";
import { NODE } from "./reports.fixture.js";

const ACCOUNT = {
  privateKey: `0x${"ab".repeat(32)}`,
  evmAddress: `0x${"cd".repeat(20)}`,
  seiAddress: "sei1abc",
} as const;

describe("render", () => {
  test("default: the key and mnemonic are left out unless asked for", () => {
    const shown = { evmAddress: ACCOUNT.evmAddress, seiAddress: "sei1abc", keyName: "test-account" };
    assert.deepEqual(accountInfo(ACCOUNT, false), shown);
    assert.deepEqual(accountInfo(ACCOUNT, true), { ...shown, privateKey: ACCOUNT.privateKey });
    const withMnemonic = { ...ACCOUNT, mnemonic: "a b c", hdPath: "m/44'/60'/0'/0/0" };
    assert.deepEqual(accountInfo(withMnemonic, false), shown);
    assert.deepEqual(accountInfo(withMnemonic, true), {
      ...shown,
      privateKey: ACCOUNT.privateKey,
      mnemonic: "a b c",
      hdPath: "m/44'/60'/0'/0/0",
    });
    assert.equal(accountInfo(undefined, true), null);
  });

  test("behavior: the hidden key says how to print it, with the namespace when not default", () => {
    assert.equal(showKeyCommand("devnet", undefined), "seinet status devnet --show-key");
    assert.equal(showKeyCommand("devnet", "default"), "seinet status devnet --show-key");
    assert.equal(showKeyCommand("devnet", "ci"), "seinet status devnet --namespace ci --show-key");
    assert.equal(namespaceArg("ci"), " --namespace ci");
    const hidden = accountLines(
      { evmAddress: "0xE", seiAddress: "sei1S", keyName: "test-account" },
      "seinet status x --show-key",
    );
    assert.deepEqual(hidden, [
      "Test account (funded in genesis):",
      "  EVM address  0xE",
      "  Sei address  sei1S",
      "  seid key     test-account (`seinet seid NODE -- tx … --from test-account`)",
      "  private key  hidden; `seinet status x --show-key` prints it and the mnemonic",
    ]);
    const shown = accountLines({ ...ACCOUNT, keyName: "test-account", mnemonic: "a b", hdPath: "m/0" }, "x");
    assert.deepEqual(shown.slice(4), [
      `  private key  ${ACCOUNT.privateKey}`,
      "  mnemonic     a b",
      "  HD path      m/0",
    ]);
  });

  test("behavior: the node table, with dashes for what is not served", () => {
    const stopped: NodeInfo = {
      ...NODE,
      name: "devnet-0",
      role: "validator",
      phase: "Failed",
      pid: null,
      endpoints: { tendermintRpc: null, evmRpc: null, evmWs: null, rest: null },
    };
    assert.equal(
      nodesTable([NODE, stopped]),
      [
        "NODE          ROLE       PHASE    TENDERMINT RPC         EVM RPC                EVM WS               REST",
        "devnet-rpc-0  follower   Running  http://127.0.0.1:1001  http://127.0.0.1:1002  ws://127.0.0.1:1003  http://127.0.0.1:1004",
        "devnet-0      validator  Failed   -                      -                      -                    -",
      ].join("\n"),
    );
    assert.match(nodesTable([NODE], true), /^NODE {10}ROLE {6}PHASE {4}PID {3}SEID {4}TENDERMINT RPC/);
    assert.equal(
      nodesTable([NODE], true).split("\n")[1],
      "devnet-rpc-0  follower  Running  4242  v6.6.2  http://127.0.0.1:1001  http://127.0.0.1:1002  ws://127.0.0.1:1003  http://127.0.0.1:1004",
    );
  });

  test("behavior: age in the largest sensible unit", () => {
    const now = Date.parse("2026-01-10T00:00:00Z");
    const ago = (s: number) => new Date(now - s * 1000).toISOString();
    assert.equal(age(ago(5), now), "5s");
    assert.equal(age(ago(119), now), "119s");
    assert.equal(age(ago(600), now), "10m");
    assert.equal(age(ago(3 * 3600), now), "3h");
    assert.equal(age(ago(3 * 86_400), now), "3d");
    assert.equal(age(null, now), "-");
    assert.equal(age("not a date", now), "-");
    assert.equal(age(ago(-30), now), "0s");
  });
});
