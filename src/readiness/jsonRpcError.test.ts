import assert from "node:assert/strict";
import { test } from "node:test";
import { InfraError } from "../errors/infra.js";
import { jsonRpcError } from "./jsonRpcError.js";

test("default", () => {
  const err = jsonRpcError({ code: -32000, message: "not ready" }, "http://h/", "eth_blockNumber");
  assert.ok(err instanceof InfraError);
  assert.equal(err.message, "JSON-RPC error from http://h/ for eth_blockNumber: -32000 not ready");
  assert.equal(err.url, "http://h/");
});

test("behavior: odd error members still read", () => {
  assert.equal(
    jsonRpcError("boom", "http://h/status").message,
    "JSON-RPC error from http://h/status: ? boom",
  );
  assert.equal(jsonRpcError({}, "http://h/status").message, "JSON-RPC error from http://h/status: ?");
});
