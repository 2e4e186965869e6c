import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { closedPort, fakeEndpoint, statusBody } from "../../readiness/fakeEndpoint.fixture.js";
import type { CheckpointMember } from "./checkpointOps.js";
import { waitRpcAnswers } from "./waitRpcAnswers.js";

const member = (name: string, tendermintRpc: string | undefined): CheckpointMember => ({
  name,
  namespace: "default",
  role: "validator",
  seid: "seid",
  tendermintRpc,
});

describe("waitRpcAnswers", () => {
  test("default: resolves once every peer answers /status, not before", async (t) => {
    // Two failures, then answers: a seid still loading its state.
    const slow = await fakeEndpoint(t, (_, i) =>
      i < 2 ? { status: 503 } : { json: statusBody({ height: 9 }) },
    );
    const quick = await fakeEndpoint(t, () => ({ json: statusBody({ height: 9 }) }));
    await waitRpcAnswers([member("a", slow.base), member("b", quick.base)], { timeoutMs: 10_000 });
    assert.equal(slow.requests.length, 3);
    assert.equal(quick.requests.length, 1, "a peer that answered is not asked again");
  });

  test("behavior: gives up quietly at the bound when a peer never answers", async () => {
    const port = await closedPort();
    const started = Date.now();
    await waitRpcAnswers([member("a", `http://127.0.0.1:${port}`)], { timeoutMs: 300 });
    assert.ok(Date.now() - started >= 300);
  });

  test("behavior: a member without an RPC endpoint, or an aborted signal, does not hold the start", async (t) => {
    await waitRpcAnswers([member("a", undefined)], { timeoutMs: 10_000 });
    const hang = await fakeEndpoint(t, () => "hang");
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const started = Date.now();
    await waitRpcAnswers([member("b", hang.base)], { timeoutMs: 10_000, signal: ac.signal });
    assert.ok(Date.now() - started < 5_000);
  });
});
