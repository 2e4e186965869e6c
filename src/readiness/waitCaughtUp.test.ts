import assert from "node:assert/strict";
import { test } from "node:test";
import { isCanceled, isTimeout } from "../errors/predicates.js";
import { TimeoutError } from "../errors/timeout.js";
import { UsageError } from "../errors/usage.js";
import { closedPort, fakeEndpoint, statusBody } from "./fakeEndpoint.fixture.js";
import { underGcPressure } from "./gcPressure.fixture.js";
import { waitCaughtUp } from "./waitCaughtUp.js";

const fast = { interval: 20, requestTimeout: 500, timeout: 1_500 };

test("default", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ json: statusBody({ height: 10 }) }));
  const status = await waitCaughtUp(fake.base);
  assert.equal(status.latestHeight, 10);
  assert.equal(status.catchingUp, false);
  assert.equal(fake.requests.length, 1);
});

test("behavior: resolves only once catching_up turns false", async (t) => {
  const fake = await fakeEndpoint(t, (_req, i) => ({
    json: statusBody({ height: 5 + i, catchingUp: i < 3 }),
  }));
  const status = await waitCaughtUp(fake.base, fast);
  assert.equal(fake.requests.length, 4);
  assert.deepEqual([status.latestHeight, status.catchingUp], [8, false]);
});

test("behavior: accepts the JSON-RPC envelope", async (t) => {
  const fake = await fakeEndpoint(t, () => ({
    json: { jsonrpc: "2.0", id: -1, result: statusBody({ height: 3 }) },
  }));
  assert.equal((await waitCaughtUp(fake.base, fast)).latestHeight, 3);
});

test("behavior: HTTP 500 then healthy resolves", async (t) => {
  const fake = await fakeEndpoint(t, (_req, i) =>
    i < 2 ? { status: 500 } : { json: statusBody({ height: 4 }) },
  );
  assert.equal((await waitCaughtUp(fake.base, fast)).latestHeight, 4);
  assert.equal(fake.requests.length, 3);
});

test("behavior: garbage then healthy resolves", async (t) => {
  const fake = await fakeEndpoint(t, (_req, i) =>
    i < 2 ? { text: "garbage" } : { json: statusBody({ height: 4 }) },
  );
  assert.equal((await waitCaughtUp(fake.base, fast)).latestHeight, 4);
});

test("error: height 1 is not caught up", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ json: statusBody({ height: 1, catchingUp: false }) }));
  await assert.rejects(waitCaughtUp(fake.base, { ...fast, timeout: 300 }), (err: unknown) => {
    assert.ok(err instanceof TimeoutError);
    assert.match(err.message, new RegExp(`timed out waiting for ${fake.base}/status to catch up`));
    assert.match(err.message, /Last seen: height 1, catching_up false/);
    return true;
  });
});

test("error: still catching up reports it", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ json: statusBody({ height: 1, catchingUp: true }) }));
  await assert.rejects(waitCaughtUp(fake.base, { ...fast, timeout: 300 }), (err: unknown) => {
    assert.ok(isTimeout(err));
    assert.deepEqual((err as TimeoutError).metaMessages, ["Last seen: height 1, catching_up true"]);
    return true;
  });
});

test("error: hung endpoint ends at the overall timeout", async (t) => {
  const fake = await fakeEndpoint(t, () => "hang");
  const started = Date.now();
  await assert.rejects(
    waitCaughtUp(fake.base, { requestTimeout: 200, timeout: 1_500, interval: 50 }),
    (err: unknown) => {
      assert.ok(isTimeout(err), String(err));
      assert.match(
        (err as Error).message,
        new RegExp(`Last seen: no answer from ${fake.base}/status within 200 ms`),
      );
      return true;
    },
  );
  const elapsed = Date.now() - started;
  assert.ok(elapsed >= 1_000 && elapsed < 10_000, `took ${elapsed} ms`);
  assert.ok(
    fake.requests.length >= 3,
    `only ${fake.requests.length} requests: per-request timeout not applied`,
  );
  await fake.close();
  assert.ok([...fake.sockets].every((socket) => socket.destroyed));
});

test("error: garbage body is retried and reported", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ text: "not json at all" }));
  await assert.rejects(waitCaughtUp(fake.base, { ...fast, timeout: 300 }), (err: unknown) => {
    assert.ok(isTimeout(err));
    assert.match((err as Error).message, /Last seen: non-JSON body from .*: "not json at all"/);
    return true;
  });
  assert.ok(fake.requests.length > 1);
});

test("error: HTTP 500 forever is reported", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ status: 500 }));
  await assert.rejects(
    waitCaughtUp(fake.base, { ...fast, timeout: 300 }),
    new RegExp(`Last seen: HTTP 500 from ${fake.base}/status`),
  );
});

test("error: connection refused is retried and reported", async () => {
  const port = await closedPort();
  await assert.rejects(
    waitCaughtUp(`http://127.0.0.1:${port}`, { ...fast, timeout: 300 }),
    (err: unknown) => {
      assert.ok(isTimeout(err));
      assert.match(
        (err as Error).message,
        /Last seen: cannot reach http:\/\/127\.0\.0\.1:\d+\/status \(ECONNREFUSED\)/,
      );
      return true;
    },
  );
});

test("error: caller abort is CanceledError", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ json: statusBody({ height: 1, catchingUp: true }) }));
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 400);
  await assert.rejects(waitCaughtUp(fake.base, { ...fast, signal: ac.signal }), (err: unknown) => {
    assert.ok(isCanceled(err), String(err));
    assert.match((err as Error).message, /Last seen: height 1, catching_up true/);
    return true;
  });
});

test("error: caller abort during a hung request is CanceledError", async (t) => {
  const fake = await fakeEndpoint(t, () => "hang");
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 100);
  await assert.rejects(waitCaughtUp(fake.base, { signal: ac.signal }), (err: unknown) => isCanceled(err));
});

test("error: caller AbortSignal.timeout is TimeoutError", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ json: statusBody({ height: 1, catchingUp: true }) }));
  await assert.rejects(
    waitCaughtUp(fake.base, { interval: 20, signal: AbortSignal.timeout(150) }),
    (err: unknown) => isTimeout(err),
  );
});

test("error: credentials stay out of messages", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ status: 401 }));
  const url = fake.base.replace("http://", "http://admin:hunter2@");
  await assert.rejects(waitCaughtUp(url, { ...fast, timeout: 200 }), (err: unknown) => {
    assert.ok(isTimeout(err));
    const text = (err as Error).message;
    assert.match(text, new RegExp(`timed out waiting for ${fake.base}/status`));
    assert.match(text, /HTTP 401/);
    assert.doesNotMatch(text, /admin|hunter2/);
    return true;
  });
  assert.ok(fake.requests[0]?.headers.authorization?.startsWith("Basic "));
});

test("error: bad options are UsageError before any request", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ json: statusBody({ height: 5 }) }));
  await assert.rejects(waitCaughtUp(fake.base, { timeout: -1 }), UsageError);
  await assert.rejects(waitCaughtUp(fake.base, { requestTimeout: 0 }), UsageError);
  await assert.rejects(waitCaughtUp(fake.base, { interval: Number.NaN }), UsageError);
  await assert.rejects(waitCaughtUp("nope"), UsageError);
  assert.equal(fake.requests.length, 0);
});

test("behavior: deadlines hold under garbage collection", { timeout: 30_000 }, async (t) => {
  underGcPressure(t, 25);
  const hung = await fakeEndpoint(t, () => "hang");
  await assert.rejects(
    waitCaughtUp(hung.base, { requestTimeout: 100, timeout: 600, interval: 10 }),
    (err: unknown) => isTimeout(err),
  );
  const syncing = await fakeEndpoint(t, () => ({ json: statusBody({ height: 1, catchingUp: true }) }));
  const idle = new AbortController();
  t.after(() => idle.abort()); // ends the wait if the deadline is lost, so a regression fails instead of hanging
  await assert.rejects(
    waitCaughtUp(syncing.base, { interval: 10, timeout: 300, signal: idle.signal }),
    (err: unknown) => isTimeout(err),
  );
  await assert.rejects(
    waitCaughtUp(syncing.base, { interval: 10, signal: AbortSignal.timeout(300) }),
    (err: unknown) => isTimeout(err),
  );
});
