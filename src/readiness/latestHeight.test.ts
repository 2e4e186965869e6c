import assert from "node:assert/strict";
import { test } from "node:test";
import { InfraError } from "../errors/infra.js";
import { isCanceled } from "../errors/predicates.js";
import { fakeEndpoint, statusBody } from "./fakeEndpoint.fixture.js";
import { latestHeight } from "./latestHeight.js";

test("default", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ json: statusBody({ height: 77, earliest: 5 }) }));
  assert.equal(await latestHeight(fake.base), 77);
});

test("error: probe errors propagate", async (t) => {
  const fake = await fakeEndpoint(t, () => ({ status: 500 }));
  await assert.rejects(latestHeight(fake.base), InfraError);
});

test("error: caller abort is CanceledError", async (t) => {
  const fake = await fakeEndpoint(t, () => "hang");
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 50);
  await assert.rejects(latestHeight(fake.base, { signal: ac.signal }), (err: unknown) => isCanceled(err));
});
