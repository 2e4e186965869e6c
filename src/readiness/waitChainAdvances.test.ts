import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ChainStalledError } from "../errors/chainStalled.js";
import { TimeoutError } from "../errors/timeout.js";
import { UsageError } from "../errors/usage.js";
import { fakeEndpoint } from "./fakeEndpoint.fixture.js";
import { waitChainAdvances } from "./waitChainAdvances.js";

const status = (height: number) => ({
  json: {
    sync_info: { latest_block_height: String(height), earliest_block_height: "1", catching_up: false },
  },
});

describe("waitChainAdvances", () => {
  test("default: the highest answer counts; a hung endpoint does not matter", async (t) => {
    const live = await fakeEndpoint(t, (_r, i) => status(10 + i));
    const hung = await fakeEndpoint(t, () => "hang");
    const got = await waitChainAdvances([live.base, { tendermintRpc: hung.base }], {
      blocks: 3,
      interval: 5,
      requestTimeout: 200,
    });
    assert.equal(got.start, 10);
    assert.ok(got.height >= 13);
    assert.ok(got.msPerBlock > 0);
  });

  test("error: a stall is a ChainStalledError naming the heights and the nodes down", async (t) => {
    const stuck = await fakeEndpoint(t, () => status(42));
    const err = await waitChainAdvances(stuck.base, {
      blocks: 2,
      interval: 10,
      stallTimeout: 150,
      withNodesDown: ["n-1", "n-2"],
    }).catch((e: unknown) => e);
    assert.ok(err instanceof ChainStalledError);
    assert.ok(err instanceof TimeoutError);
    assert.equal(err.height, 42);
    assert.equal(err.fromHeight, 42);
    assert.deepEqual(err.nodesDown, ["n-1", "n-2"]);
    assert.match(err.shortMessage, /stuck at height 42 .*from 42, waiting for 44\) with n-1, n-2 down/);
  });

  test("error: bad input is a UsageError before any request", async () => {
    await assert.rejects(waitChainAdvances("http://127.0.0.1:1", { blocks: 0 }), UsageError);
    await assert.rejects(waitChainAdvances([], { blocks: 1 }), /target must name at least one/);
    await assert.rejects(waitChainAdvances({ tendermintRpc: undefined }, { blocks: 1 }), UsageError);
  });

  test("behavior: the caller's abort wins", async (t) => {
    const stuck = await fakeEndpoint(t, () => status(1));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(
      waitChainAdvances(stuck.base, { blocks: 5, interval: 10, signal: controller.signal }),
      { name: "CanceledError" },
    );
  });
});
