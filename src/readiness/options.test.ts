import assert from "node:assert/strict";
import { test } from "node:test";
import { UsageError } from "../errors/usage.js";
import {
  DEFAULT_INTERVAL_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_WAIT_TIMEOUT_MS,
  resolveProbeOptions,
  resolveWaitOptions,
} from "./options.js";

test("default", () => {
  assert.deepEqual(resolveWaitOptions(), {
    signal: undefined,
    requestTimeout: DEFAULT_REQUEST_TIMEOUT_MS,
    interval: DEFAULT_INTERVAL_MS,
    timeout: DEFAULT_WAIT_TIMEOUT_MS,
  });
  assert.deepEqual(
    [DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_INTERVAL_MS, DEFAULT_WAIT_TIMEOUT_MS],
    [2000, 250, 120000],
  );
});

test("behavior: fractions round up to whole ms; huge timeouts mean no deadline", () => {
  assert.equal(resolveProbeOptions({ requestTimeout: 1.2 }).requestTimeout, 2);
  assert.equal(resolveWaitOptions({ interval: 0 }).interval, 0);
  assert.equal(resolveWaitOptions({ timeout: Number.POSITIVE_INFINITY }).timeout, undefined);
  assert.equal(resolveWaitOptions({ timeout: 2 ** 40 }).timeout, undefined);
  assert.equal(resolveProbeOptions({ requestTimeout: 2 ** 40 }).requestTimeout, 2 ** 31 - 1);
});

test("error: bad durations are UsageError naming the field", () => {
  const cases: [Parameters<typeof resolveWaitOptions>[0], string][] = [
    [{ requestTimeout: 0 }, "requestTimeout"],
    [{ requestTimeout: Number.NaN }, "requestTimeout"],
    [{ interval: -1 }, "interval"],
    [{ timeout: 0 }, "timeout"],
    [{ timeout: -5 }, "timeout"],
  ];
  for (const [options, field] of cases) {
    assert.throws(
      () => resolveWaitOptions(options),
      (err: unknown) => err instanceof UsageError && err.field === field,
    );
  }
});
