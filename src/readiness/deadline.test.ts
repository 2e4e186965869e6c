import assert from "node:assert/strict";
import { test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { isCanceled, isTimeout } from "../errors/predicates.js";
import { abortError } from "../internal/abort.js";
import { deadline } from "./deadline.js";
import { underGcPressure } from "./gcPressure.fixture.js";

/** Resolves when `signal` aborts, keeping the event loop alive until then (AbortSignal.timeout's timer does not). */
function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const keepAlive = setInterval(() => {}, 1_000);
    signal.addEventListener(
      "abort",
      () => {
        clearInterval(keepAlive);
        resolve();
      },
      { once: true },
    );
  });
}

test("default", async () => {
  const overall = deadline(undefined, 50);
  await aborted(overall.signal);
  assert.ok(isTimeout(abortError(overall.signal, "waiting")));
  overall.dispose();
});

test("behavior: relays the caller's abort as a cancel", async () => {
  const ac = new AbortController();
  const overall = deadline(ac.signal, 10_000);
  ac.abort();
  assert.ok(overall.signal.aborted);
  assert.ok(isCanceled(abortError(overall.signal, "waiting")));
  overall.dispose();
});

test("behavior: relays the caller's AbortSignal.timeout as a timeout", async () => {
  const overall = deadline(AbortSignal.timeout(30), undefined);
  await aborted(overall.signal);
  assert.ok(isTimeout(abortError(overall.signal, "waiting")));
  overall.dispose();
});

test("behavior: an already-aborted caller signal aborts at once", () => {
  const overall = deadline(AbortSignal.abort(), 10_000);
  assert.ok(overall.signal.aborted);
  assert.ok(isCanceled(abortError(overall.signal, "waiting")));
  overall.dispose();
});

test("behavior: dispose clears the timer and the caller listener", async () => {
  const ac = new AbortController();
  const overall = deadline(ac.signal, 30);
  overall.dispose();
  await delay(60);
  ac.abort();
  assert.equal(overall.signal.aborted, false);
});

test("behavior: no signal and no timeout never aborts", async () => {
  const overall = deadline(undefined, undefined);
  await delay(20);
  assert.equal(overall.signal.aborted, false);
  overall.dispose();
});

test("behavior: deadlines fire under garbage collection", { timeout: 30_000 }, async (t) => {
  underGcPressure(t, 5);
  const own = deadline(undefined, 100);
  const relayed = deadline(AbortSignal.timeout(100), undefined);
  await Promise.all([aborted(own.signal), aborted(relayed.signal)]);
  own.dispose();
  relayed.dispose();
});
