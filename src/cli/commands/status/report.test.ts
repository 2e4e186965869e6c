import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { NETWORK, NODE } from "../../reports.fixture.js";
import { renderList, renderNetwork, statusDocument } from "./report.js";
import type { NetworkList, NetworkStatus } from "./run.js";

const NOW = Date.parse("2026-01-01T00:05:00.000Z");

const LIST: NetworkList = { kind: "list", namespace: undefined, allNamespaces: false, networks: [NETWORK] };
const ONE: NetworkStatus = {
  kind: "network",
  network: NETWORK,
  nodes: [NODE],
  testAccount: { privateKey: "0xkey", evmAddress: "0xevm", seiAddress: "sei1x" },
};

describe("status report", () => {
  test("default: ls prints a table of networks", () => {
    assert.equal(
      renderList(LIST, NOW),
      "NAME    PHASE  VALIDATORS  FOLLOWERS  SEID    AGE\ndevnet  Ready  1           1          v6.6.2  5m",
    );
    assert.deepEqual(statusDocument("ls", LIST, false), { command: "ls", networks: [NETWORK] });
  });

  test("args: --all-namespaces adds a NAMESPACE column", () => {
    const text = renderList({ ...LIST, allNamespaces: true }, NOW);
    assert.match(text, /^NAMESPACE {2}NAME {4}PHASE/);
    assert.match(text, /\ndefault {4}devnet {2}Ready/);
  });

  test("behavior: no networks says so", () => {
    assert.equal(
      renderList({ ...LIST, networks: [] }, NOW),
      'No networks in namespace "default". `seinet up` starts one.',
    );
    assert.equal(renderList({ ...LIST, networks: [], allNamespaces: true }, NOW), "No networks.");
  });

  test("default: status NAME prints nodes with pids and the account without its key", () => {
    const text = renderNetwork(ONE, false, NOW);
    assert.match(
      text,
      /^Network devnet \(namespace default\): Ready, chain id devnet, 1 validator\(s\), 1 RPC node\(s\), seid v6\.6\.2, age 5m\.\n\nNODE/,
    );
    assert.match(
      text,
      /\ndevnet-rpc-0 {2}follower {2}Running {2}4242 {2}v6\.6\.2 {2}http:\/\/127\.0\.0\.1:1001/,
    );
    assert.doesNotMatch(text, /0xkey/);
    const doc = statusDocument("status", ONE, false);
    assert.deepEqual(doc, {
      command: "status",
      network: NETWORK,
      nodes: [NODE],
      testAccount: { evmAddress: "0xevm", seiAddress: "sei1x", keyName: "test-account" },
    });
  });

  test("args: --show-key prints the key", () => {
    assert.match(renderNetwork(ONE, true, NOW), /private key {2}0xkey/);
    assert.equal(
      (statusDocument("status", ONE, true).testAccount as { privateKey: string }).privateKey,
      "0xkey",
    );
  });

  test("behavior: why nodes are down", () => {
    const failed: NetworkStatus = {
      ...ONE,
      network: { ...NETWORK, phase: "Failed", reason: "devnet-0: seid exited with code 1" },
      nodes: [{ ...NODE, phase: "Failed", reason: "seid (pid 9) exited with code 1" }],
    };
    assert.match(renderNetwork(failed, false, NOW), /\n\ndevnet-rpc-0: seid \(pid 9\) exited with code 1\n/);
    const noNodeReason: NetworkStatus = { ...failed, nodes: [NODE] };
    assert.match(renderNetwork(noNodeReason, false, NOW), /\n\nReason: devnet-0: seid exited with code 1\n/);
  });
});
