import assert from "node:assert/strict";
import { test } from "node:test";
import { isCanceled, isTimeout } from "../errors/predicates.js";
import { TimeoutError } from "../errors/timeout.js";
import { UsageError } from "../errors/usage.js";
import { fakeEndpoint, statusBody } from "./fakeEndpoint.fixture.js";
import { waitHeightAdvances } from "./waitHeightAdvances.js";

const fast = { interval: 20, requestTimeout: 500, timeout: 1_500 };

test("default", async (t) => {
  const fake = await fakeEndpoint(t, (_req, i) => ({ json: statusBody({ height: 10 + i }) }));
  assert.deepEqual(await waitHeightAdvances(fake.base, 2, fast), { start: 10, height: 12 });
  assert.equal(fake.requests.length, 3);
});

test("behavior: a jump past the target resolves with the height seen", async (t) => {
  const heights = [10, 10, 15];
  const fake = await fakeEndpoint(t, (_req, i) => ({ json: statusBody({ height: heights[i] ?? 15 }) }));
  assert.deepEqual(await waitHeightAdvances(fake.base, 3, fast), { start: 10, height: 15 });
});

test("behavior: retries failures while reading the start height and after", async (t) => {
  const replies = [
    { status: 502 },
    { text: "garbage" },
    { json: statusBody({ height: 20 }) },
    { status: 500 },
  ];
  const fake = await fakeEndpoint(t, (_req, i) => replies[i] ?? { json: statusBody({ height: 21 }) });
  assert.deepEqual(await waitHeightAdvances(fake.base, 1, fast), { start: 20, height: 21 });
});

test("error: timeout names the start and the last height", async (t) => {
  const fake = await fakeEndpoint(t, (_req, i) => ({ json: statusBody({ height: i === 0 ? 10 : 11 }) }));
  await assert.rejects(waitHeightAdvances(fake.base, 2, { ...fast, timeout: 300 }), (err: unknown) => {
    assert.ok(err instanceof TimeoutError);
    assert.match(
      err.shortMessage,
      new RegExp(`${fake.base}/status: height did not advance by 2 from 10 \\(last 11\\)`),
    );
    assert.match(err.message, /Last seen: height 11 \(started at 10, waiting for 12\)/);
    assert.ok(err.cause instanceof TimeoutError);
    return true;
  });
});

test("error: timeout before any height was read keeps the probe error", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ status: 503 }));
  await assert.rejects(waitHeightAdvances(fake.base, 1, { ...fast, timeout: 200 }), (err: unknown) => {
    assert.ok(isTimeout(err));
    assert.match((err as Error).message, /timed out waiting for .* to advance by 1 block\b/);
    assert.match((err as Error).message, /Last seen: HTTP 503/);
    return true;
  });
});

test("error: delta must be a positive integer, checked before any request", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ json: statusBody({ height: 10 }) }));
  for (const delta of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
    await assert.rejects(waitHeightAdvances(fake.base, delta), (err: unknown) => {
      assert.ok(err instanceof UsageError, `delta ${delta}`);
      assert.equal(err.field, "delta");
      return true;
    });
  }
  assert.equal(fake.requests.length, 0);
});

test("error: caller abort is CanceledError, not rewritten", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ json: statusBody({ height: 10 }) }));
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 100);
  await assert.rejects(waitHeightAdvances(fake.base, 5, { ...fast, signal: ac.signal }), (err: unknown) => {
    assert.ok(isCanceled(err), String(err));
    return true;
  });
});

test("error: caller AbortSignal.timeout is TimeoutError", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ json: statusBody({ height: 10 }) }));
  await assert.rejects(
    waitHeightAdvances(fake.base, 5, { interval: 20, signal: AbortSignal.timeout(400) }),
    (err: unknown) => isTimeout(err) && /from 10 \(last 10\)/.test((err as Error).message),
  );
});
