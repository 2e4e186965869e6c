import assert from "node:assert/strict";
import { test } from "node:test";
import { InfraError } from "../errors/infra.js";
import { isCanceled, isTimeout } from "../errors/predicates.js";
import { UsageError } from "../errors/usage.js";
import { closedPort, fakeEndpoint, statusBody } from "./fakeEndpoint.fixture.js";
import { fetchStatus } from "./status.js";

test("default", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ json: statusBody({ height: 123, earliest: 7 }) }));
  const status = await fetchStatus(fake.base);
  assert.deepEqual(status, {
    latestHeight: 123,
    earliestHeight: 7,
    catchingUp: false,
    network: "sei-test",
    nodeId: "abc123",
  });
  assert.equal(fake.requests[0]?.method, "GET");
  assert.equal(fake.requests[0]?.path, "/status");
});

test("behavior: accepts the JSON-RPC envelope", async (t) => {
  const fake = await fakeEndpoint(t, () => ({
    json: { jsonrpc: "2.0", id: -1, result: statusBody({ height: 9, catchingUp: true }) },
  }));
  const status = await fetchStatus(fake.base);
  assert.equal(status.latestHeight, 9);
  assert.equal(status.catchingUp, true);
  assert.equal(status.network, "sei-test");
});

test("behavior: heights as JSON numbers", async (t) => {
  const fake = await fakeEndpoint(t, () => ({
    json: statusBody({ height: 42, earliest: 3, numeric: true }),
  }));
  const status = await fetchStatus(fake.base);
  assert.equal(status.latestHeight, 42);
  assert.equal(status.earliestHeight, 3);
});

test("behavior: strips trailing slashes of the base URL", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ json: statusBody({ height: 5 }) }));
  await fetchStatus(`${fake.base}//`);
  assert.equal(fake.requests[0]?.path, "/status");
});

test("behavior: node_info is optional", async (t) => {
  const fake = await fakeEndpoint(t, () => ({
    json: { sync_info: { latest_block_height: "5", earliest_block_height: "1", catching_up: false } },
  }));
  assert.deepEqual(await fetchStatus(fake.base), { latestHeight: 5, earliestHeight: 1, catchingUp: false });
});

test("behavior: credentials go in a Basic header and stay out of messages", async (t) => {
  const fake = await fakeEndpoint(t, (_req, i) =>
    i === 0 ? { json: statusBody({ height: 5 }) } : { status: 503 },
  );
  const withCreds = fake.base.replace("http://", "http://user:p%40ss@");
  await fetchStatus(withCreds);
  const expected = `Basic ${Buffer.from("user:p@ss").toString("base64")}`;
  assert.equal(fake.requests[0]?.headers.authorization, expected);
  const err = await fetchStatus(withCreds).catch((e: unknown) => e);
  assert.ok(err instanceof InfraError);
  assert.match(err.message, new RegExp(`HTTP 503 from ${fake.base}/status`));
  assert.doesNotMatch(err.message, /user|p%40ss|p@ss/);
});

test("error: non-2xx names the status and the URL", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ status: 500, text: "internal error" }));
  await assert.rejects(fetchStatus(fake.base), (err: unknown) => {
    assert.ok(err instanceof InfraError);
    assert.equal(err.code, "INFRA");
    assert.match(err.message, new RegExp(`HTTP 500 from ${fake.base}/status: "internal error"`));
    return true;
  });
});

test("error: non-JSON body", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ text: "<html>garbage</html>" }));
  await assert.rejects(fetchStatus(fake.base), (err: unknown) => {
    assert.ok(err instanceof InfraError);
    assert.match(err.message, new RegExp(`non-JSON body from ${fake.base}/status: "<html>garbage</html>"`));
    return true;
  });
});

test("error: body without sync_info", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ json: { node_info: {} } }));
  await assert.rejects(
    fetchStatus(fake.base),
    new RegExp(`no sync_info in the status from ${fake.base}/status`),
  );
});

test("error: JSON-RPC error envelope", async (t) => {
  const fake = await fakeEndpoint(t, () => ({
    json: { jsonrpc: "2.0", id: 1, error: { code: -32603, message: "Internal error" } },
  }));
  await assert.rejects(fetchStatus(fake.base), /JSON-RPC error from .*\/status: -32603 Internal error/);
});

test("error: bad heights", async (t) => {
  const bodies = [
    { sync_info: { latest_block_height: "12a", earliest_block_height: "1", catching_up: false } },
    { sync_info: { latest_block_height: -1, earliest_block_height: "1", catching_up: false } },
    { sync_info: { earliest_block_height: "1", catching_up: false } },
    { sync_info: { latest_block_height: "3", earliest_block_height: "1" } },
  ];
  const fake = await fakeEndpoint(t, (_req, i) => ({ json: bodies[i] }));
  await assert.rejects(fetchStatus(fake.base), /bad sync_info\.latest_block_height "12a"/);
  await assert.rejects(fetchStatus(fake.base), /bad sync_info\.latest_block_height -1/);
  await assert.rejects(fetchStatus(fake.base), /bad sync_info\.latest_block_height \(missing\)/);
  await assert.rejects(fetchStatus(fake.base), /bad sync_info\.catching_up \(missing\)/);
});

test("error: connection refused", async () => {
  const port = await closedPort();
  await assert.rejects(fetchStatus(`http://127.0.0.1:${port}`), (err: unknown) => {
    assert.ok(err instanceof InfraError);
    assert.match(err.message, new RegExp(`cannot reach http://127.0.0.1:${port}/status \\(ECONNREFUSED\\)`));
    return true;
  });
});

test("error: hung endpoint ends at requestTimeout", async (t) => {
  const fake = await fakeEndpoint(t, () => "hang");
  const started = Date.now();
  await assert.rejects(fetchStatus(fake.base, { requestTimeout: 200 }), (err: unknown) => {
    assert.ok(err instanceof InfraError);
    assert.match(err.message, new RegExp(`no answer from ${fake.base}/status within 200 ms`));
    return true;
  });
  assert.ok(Date.now() - started < 10_000);
});

test("error: caller abort is CanceledError", async (t) => {
  const fake = await fakeEndpoint(t, () => "hang");
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 50);
  await assert.rejects(fetchStatus(fake.base, { signal: ac.signal }), (err: unknown) => {
    assert.ok(isCanceled(err), String(err));
    assert.match((err as Error).message, /canceled requesting http:\/\/127\.0\.0\.1:\d+\/status/);
    return true;
  });
});

test("error: already-aborted signal makes no request", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ json: statusBody({ height: 5 }) }));
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(fetchStatus(fake.base, { signal: ac.signal }), (err: unknown) => isCanceled(err));
  assert.equal(fake.requests.length, 0);
});

test("error: caller AbortSignal.timeout is TimeoutError", async (t) => {
  const fake = await fakeEndpoint(t, () => "hang");
  await assert.rejects(fetchStatus(fake.base, { signal: AbortSignal.timeout(100) }), (err: unknown) => {
    assert.ok(isTimeout(err), String(err));
    return true;
  });
});

test("error: invalid URL is UsageError", async () => {
  await assert.rejects(fetchStatus("not a url"), UsageError);
  await assert.rejects(fetchStatus("ftp://host"), UsageError);
  await assert.rejects(fetchStatus("http://u:secret@[bad"), (err: unknown) => {
    assert.ok(err instanceof UsageError);
    assert.doesNotMatch(err.message, /secret/);
    return true;
  });
});

test("default: a validator's consensus address, upper-case; none when the field is empty", async (t) => {
  const address = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
  const bodies = [
    { ...statusBody({ height: 5 }), validator_info: { address, voting_power: "10" } },
    { ...statusBody({ height: 5 }), validator_info: { address: "", voting_power: "0" } },
  ];
  const fake = await fakeEndpoint(t, (_req, i) => ({ json: bodies[i] }));
  assert.equal((await fetchStatus(fake.base)).validatorAddress, address.toUpperCase());
  assert.equal((await fetchStatus(fake.base)).validatorAddress, undefined);
});
