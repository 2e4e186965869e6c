// node:test runs each file in its own process: this file's network is made in
// `before` and deleted in `after`.
import assert from "node:assert/strict";
import { test } from "node:test";
import { evmChain, useSeinet } from "seinet/node-test";
import { clients, deployCounter, transfer } from "../../shared/evm.mjs";

const seinet = useSeinet(new URL("../seinet.yaml", import.meta.url).pathname);

test("a transfer arrives", async () => {
  const { status, received, expected } = await transfer(clients(evmChain(seinet()), seinet.account(0)));
  assert.equal(status, "success");
  assert.equal(received, expected);
});

test("Counter deploys from committed bytecode and counts", async () => {
  const { status, count } = await deployCounter(clients(evmChain(seinet()), seinet.account(0)));
  assert.equal(status, "success");
  assert.equal(count, 42n);
});
