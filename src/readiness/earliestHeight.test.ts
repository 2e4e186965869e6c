import assert from "node:assert/strict";
import { test } from "node:test";
import { InfraError } from "../errors/infra.js";
import { isTimeout } from "../errors/predicates.js";
import { earliestHeight } from "./earliestHeight.js";
import { fakeEndpoint, statusBody } from "./fakeEndpoint.fixture.js";

test("default", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ json: statusBody({ height: 77, earliest: 5 }) }));
  assert.equal(await earliestHeight(fake.base), 5);
});

test("error: probe errors propagate", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ text: "garbage" }));
  await assert.rejects(earliestHeight(fake.base), InfraError);
});

test("error: caller AbortSignal.timeout is TimeoutError", async (t) => {
  const fake = await fakeEndpoint(t, () => "hang");
  await assert.rejects(earliestHeight(fake.base, { signal: AbortSignal.timeout(50) }), (err: unknown) =>
    isTimeout(err),
  );
});
