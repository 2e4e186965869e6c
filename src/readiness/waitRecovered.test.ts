import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { FailedError } from "../errors/failed.js";
import { TimeoutError } from "../errors/timeout.js";
import { UsageError } from "../errors/usage.js";
import { fakeEndpoint } from "./fakeEndpoint.fixture.js";
import { waitRecovered } from "./waitRecovered.js";

const status = (height: number, extra: Record<string, unknown> = {}) => ({
  json: {
    sync_info: {
      latest_block_height: String(height),
      earliest_block_height: "1",
      catching_up: false,
      ...extra,
    },
  },
});

describe("waitRecovered", () => {
  test("default: recovered once within `lag` of the reference", async (t) => {
    const node = await fakeEndpoint(t, (_r, i) => status(90 + i * 5));
    const network = await fakeEndpoint(t, () => status(100));
    const got = await waitRecovered(node.base, { reference: network.base, interval: 5 });
    assert.ok(got.height >= 98);
  });

  test("args: no reference: the newest block must be recent", async (t) => {
    let i = 0;
    const node = await fakeEndpoint(t, () =>
      status(7, { latest_block_time: new Date(Date.now() - (i++ < 2 ? 60_000 : 0)).toISOString() }),
    );
    const got = await waitRecovered(node.base, { interval: 5 });
    assert.equal(got.height, 7);
    assert.ok(i >= 3);
  });

  test("error: a handle that reads Failed rejects at once", async () => {
    const node = { name: "f", phase: "Failed", tendermintRpc: undefined, refresh: async () => {} };
    await assert.rejects(waitRecovered(node, { timeout: 60_000 }), FailedError);
  });

  test("error: a timeout names the last state seen", async (t) => {
    const node = await fakeEndpoint(t, () => status(5, { catching_up: true }));
    const err = await waitRecovered(node.base, { interval: 5, timeout: 1_000 }).catch((e: unknown) => e);
    assert.ok(err instanceof TimeoutError);
    assert.match(err.shortMessage, /height 5, catching up/);
  });

  test("error: bad options are UsageErrors", async () => {
    await assert.rejects(waitRecovered("http://127.0.0.1:1", { lag: -1 }), UsageError);
    await assert.rejects(waitRecovered("http://127.0.0.1:1", { reference: [] }), UsageError);
  });
});
