import { setTimeout as delay } from "node:timers/promises";

/** Between looks, ms. */
const INTERVAL_MS = 50;

/**
 * Looks at every target until `atLeast` of them (all by default) pass
 * `probe`, asking again only those that have not, every 50 ms. Gives up
 * quietly at `timeoutMs` or when `signal` aborts: for waits that only save
 * time (a node started once its peers listen), where the caller goes on
 * either way.
 */
export async function untilEnough<T>(
  targets: readonly T[],
  probe: (target: T) => Promise<boolean>,
  options: { timeoutMs: number; atLeast?: number; signal?: AbortSignal | undefined },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const enough = targets.length - Math.min(options.atLeast ?? targets.length, targets.length);
  let pending = [...targets];
  while (pending.length > enough && Date.now() < deadline && !options.signal?.aborted) {
    const passed = await Promise.all(pending.map((t) => probe(t).catch(() => false)));
    pending = pending.filter((_, i) => !passed[i]);
    if (pending.length > enough)
      await delay(INTERVAL_MS, undefined, { signal: options.signal }).catch(() => {});
  }
}
