import { NotFoundError } from "../../errors/notFound.js";
import { abortError } from "../../internal/abort.js";
import { logger } from "../../internal/debug.js";
import { sleep } from "../../internal/sleep.js";
import type { KubeApi } from "./kubeApi.js";
import { isTransient, mapApiError } from "./mapApiError.js";
import type { CustomResource, ResourceKind } from "./resources.js";

const log = logger("k8s");

/** Consecutive transient failures tolerated before the API server is reported down. */
const MAX_TRANSIENT_FAILURES = 4;

/** What an evaluation of the object says: done with a value, or not yet (with a note for errors). */
export type Verdict<T> = { done: true; value: T } | { done: false; note?: string };

/** Options of {@link waitFor}. */
export interface WaitForOptions {
  signal: AbortSignal;
  /** Names the wait in errors. */
  what: string;
  /** Called with every object seen, so handles stay current. */
  onObject?: (obj: CustomResource) => void;
}

/**
 * Waits on one object with a list + watch, not polling: evaluates the listed
 * state, then each watch event, resuming from the last resourceVersion when
 * the server closes the stream and re-listing when it has expired (410). A
 * not-yet-visible object keeps the wait going; transient API failures retry
 * with backoff, then surface as InfraError; `evaluate` throws to fail fast.
 */
export async function waitFor<T>(
  api: KubeApi,
  kind: ResourceKind,
  namespace: string,
  name: string,
  evaluate: (obj: CustomResource | undefined) => Verdict<T>,
  options: WaitForOptions,
): Promise<T> {
  const { signal, what, onObject } = options;
  let resourceVersion: string | undefined;
  let note: string | undefined;
  let failures = 0;
  const meta = () => (note ? [`Last seen: ${note}`] : undefined);
  const judge = (obj: CustomResource | undefined): Verdict<T> => {
    if (obj) onObject?.(obj);
    const verdict = evaluate(obj);
    if (!verdict.done) note = verdict.note ?? (obj ? note : "not created yet");
    return verdict;
  };

  for (;;) {
    if (signal.aborted) throw abortError(signal, what, meta());
    try {
      if (resourceVersion === undefined) {
        const listed = await api.listByName(kind, namespace, name, signal);
        resourceVersion = listed.resourceVersion;
        const verdict = judge(listed.item);
        if (verdict.done) return verdict.value;
      }
      let outcome: Verdict<T> | undefined;
      let expired = false;
      const ended = await api.watchByName(
        kind,
        namespace,
        name,
        resourceVersion,
        (event) => {
          if (event.type === "BOOKMARK") {
            resourceVersion = event.object.metadata.resourceVersion ?? resourceVersion;
            return false;
          }
          if (event.type === "ERROR") {
            if (event.object.code === 410) {
              expired = true;
              return true;
            }
            throw mapApiError(
              Object.assign(new Error(event.object.message ?? "watch error"), {
                statusCode: event.object.code,
              }),
              {
                action: "watching",
                noun: kind.noun,
                name,
                namespace,
                server: api.server,
              },
            );
          }
          resourceVersion = event.object.metadata.resourceVersion ?? resourceVersion;
          if (event.type === "DELETED") {
            throw new NotFoundError(kind.noun, name, {
              namespace,
              metaMessages: [`It was deleted while ${what}.`],
            });
          }
          const verdict = judge(event.object);
          if (verdict.done) {
            outcome = verdict;
            return true;
          }
          return false;
        },
        signal,
      );
      failures = 0;
      const done = outcome as Verdict<T> | undefined;
      if (done?.done) return done.value;
      if (expired || ended === "expired") {
        log("watch of %s/%s expired at %s; re-listing", namespace, name, resourceVersion);
        resourceVersion = undefined;
      } else {
        log("watch of %s/%s %s at %s; resuming", namespace, name, ended, resourceVersion);
      }
    } catch (err) {
      if (signal.aborted) throw abortError(signal, what, meta());
      if (!isTransient(err) || ++failures > MAX_TRANSIENT_FAILURES) throw err;
      log("transient failure %d while %s: %s", failures, what, (err as Error).message);
      await sleep(Math.min(250 * 2 ** (failures - 1), 4_000), signal, what).catch(() => {
        throw abortError(signal, what, meta());
      });
    }
  }
}
