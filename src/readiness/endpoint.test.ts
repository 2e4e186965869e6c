import assert from "node:assert/strict";
import { test } from "node:test";
import { UsageError } from "../errors/usage.js";
import { endpoint } from "./endpoint.js";

test("default", () => {
  assert.deepEqual(endpoint("http://127.0.0.1:26657", "/status"), {
    href: "http://127.0.0.1:26657/status",
    authorization: undefined,
  });
});

test("behavior: joins paths without doubled slashes", () => {
  assert.equal(endpoint("http://host///", "/status").href, "http://host/status");
  assert.equal(endpoint("https://host/rpc/", "/status").href, "https://host/rpc/status");
  assert.equal(endpoint("http://host:8545").href, "http://host:8545/");
});

test("behavior: credentials become a Basic header", () => {
  const target = endpoint("http://al%20ice:s%3Acret@host/", "/status");
  assert.equal(target.href, "http://host/status");
  assert.equal(target.authorization, `Basic ${Buffer.from("al ice:s:cret").toString("base64")}`);
});

test("error: not an http(s) URL", () => {
  assert.throws(() => endpoint("localhost:26657"), UsageError);
  assert.throws(() => endpoint("ws://host"), UsageError);
  assert.throws(() => endpoint(""), UsageError);
});

test("behavior: a path with a query keeps the query out of the path", () => {
  assert.equal(endpoint("http://127.0.0.1:26657/", "/tx?hash=AB").href, "http://127.0.0.1:26657/tx?hash=AB");
});
