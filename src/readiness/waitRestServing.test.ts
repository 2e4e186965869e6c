import assert from "node:assert/strict";
import { test } from "node:test";
import { isCanceled, isTimeout } from "../errors/predicates.js";
import { fakeEndpoint } from "./fakeEndpoint.fixture.js";
import { waitRestServing } from "./waitRestServing.js";

const fast = { interval: 20, requestTimeout: 500, timeout: 1_500 };
const nodeInfo = { default_node_info: { network: "sei-test" }, application_version: {} };

test("default", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ json: nodeInfo }));
  assert.equal(await waitRestServing(`${fake.base}/`), undefined);
  assert.equal(fake.requests[0]?.method, "GET");
  assert.equal(fake.requests[0]?.path, "/cosmos/base/tendermint/v1beta1/node_info");
});

test("behavior: 404 then 200 resolves", async (t) => {
  const fake = await fakeEndpoint(t, (_req, i) =>
    i < 2 ? { status: 404, text: "Not Found" } : { json: nodeInfo },
  );
  await waitRestServing(fake.base, fast);
  assert.equal(fake.requests.length, 3);
});

test("behavior: 200 with a non-JSON body is not yet", async (t) => {
  const fake = await fakeEndpoint(t, (_req, i) => (i < 1 ? { text: "starting" } : { json: nodeInfo }));
  await waitRestServing(fake.base, fast);
  assert.equal(fake.requests.length, 2);
});

test("error: 404 forever is reported", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ status: 404, text: "Not Found" }));
  await assert.rejects(waitRestServing(fake.base, { ...fast, timeout: 200 }), (err: unknown) => {
    assert.ok(isTimeout(err));
    assert.match(
      (err as Error).message,
      /Last seen: HTTP 404 from http:\/\/127\.0\.0\.1:\d+\/cosmos\/base\/tendermint\/v1beta1\/node_info: "Not Found"/,
    );
    return true;
  });
});

test("error: caller abort is CanceledError", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ status: 404 }));
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 100);
  await assert.rejects(waitRestServing(fake.base, { ...fast, signal: ac.signal }), (err: unknown) =>
    isCanceled(err),
  );
});
