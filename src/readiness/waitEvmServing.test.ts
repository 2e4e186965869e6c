import assert from "node:assert/strict";
import { test } from "node:test";
import { isCanceled, isTimeout } from "../errors/predicates.js";
import { fakeEndpoint } from "./fakeEndpoint.fixture.js";
import { waitEvmServing } from "./waitEvmServing.js";

const fast = { interval: 20, requestTimeout: 500, timeout: 1_500 };

test("default", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ json: { jsonrpc: "2.0", id: 1, result: "0x1f" } }));
  assert.equal(await waitEvmServing(fake.base), 31);
  const request = fake.requests[0];
  assert.equal(request?.method, "POST");
  assert.equal(request?.headers["content-type"], "application/json");
  assert.deepEqual(JSON.parse(request?.body ?? ""), {
    jsonrpc: "2.0",
    id: 1,
    method: "eth_blockNumber",
    params: [],
  });
});

test("behavior: a JSON-RPC error counts as not yet", async (t) => {
  const fake = await fakeEndpoint(t, (_req, i) =>
    i < 2
      ? { json: { jsonrpc: "2.0", id: 1, error: { code: -32000, message: "not ready" } } }
      : { json: { jsonrpc: "2.0", id: 1, result: "0x0" } },
  );
  assert.equal(await waitEvmServing(fake.base, fast), 0);
  assert.equal(fake.requests.length, 3);
});

test("behavior: posts to the URL as given", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ json: { jsonrpc: "2.0", id: 1, result: "0xa" } }));
  assert.equal(await waitEvmServing(`${fake.base}/evm`, fast), 10);
  assert.equal(fake.requests[0]?.path, "/evm");
});

test("error: JSON-RPC error forever is reported", async (t) => {
  const fake = await fakeEndpoint(t, () => ({
    json: { jsonrpc: "2.0", id: 1, error: { code: -32000, message: "not ready" } },
  }));
  await assert.rejects(waitEvmServing(fake.base, { ...fast, timeout: 200 }), (err: unknown) => {
    assert.ok(isTimeout(err));
    assert.match(
      (err as Error).message,
      /timed out waiting for http:\/\/127\.0\.0\.1:\d+\/ to serve eth_blockNumber/,
    );
    assert.match(
      (err as Error).message,
      /Last seen: JSON-RPC error from .* for eth_blockNumber: -32000 not ready/,
    );
    return true;
  });
});

test("error: a result that is not a hex number is reported", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ json: { jsonrpc: "2.0", id: 1, result: "latest" } }));
  await assert.rejects(
    waitEvmServing(fake.base, { ...fast, timeout: 200 }),
    /Last seen: eth_blockNumber from .* gave "latest"/,
  );
});

test("error: an answer without result is reported", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ json: { jsonrpc: "2.0", id: 1 } }));
  await assert.rejects(
    waitEvmServing(fake.base, { ...fast, timeout: 200 }),
    /Last seen: no JSON-RPC result from .* for eth_blockNumber/,
  );
});

test("error: caller abort is CanceledError", async (t) => {
  const fake = await fakeEndpoint(t, () => "hang");
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 100);
  await assert.rejects(waitEvmServing(fake.base, { signal: ac.signal }), (err: unknown) => isCanceled(err));
});

test("error: credentials stay out of messages", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ status: 500 }));
  await assert.rejects(
    waitEvmServing(fake.base.replace("http://", "http://me:topsecret@"), { ...fast, timeout: 200 }),
    (err: unknown) => isTimeout(err) && !/me:|topsecret/.test((err as Error).message),
  );
});
