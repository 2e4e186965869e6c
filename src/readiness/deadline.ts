/** A signal that ends a wait, and the cleanup of what feeds it. */
export interface Deadline {
  /** Aborts with the caller's reason, or with a TimeoutError DOMException when the deadline passes. */
  signal: AbortSignal;
  /** Clears the timer and the listener on the caller's signal; call once the wait is over. */
  dispose(): void;
}

/**
 * Combines the caller's optional signal with an optional deadline in ms.
 * Not `AbortSignal.any([signal, AbortSignal.timeout(ms)])`: on Node 20 a timeout signal held only by `AbortSignal.any` can
 * be garbage-collected before it fires (nodejs/node#57736), and the wait then
 * never ends. Here the timer holds the controller, the caller's signal holds a
 * listener, and `dispose()` removes both.
 */
export function deadline(signal: AbortSignal | undefined, timeoutMs: number | undefined): Deadline {
  const controller = new AbortController();
  const relay = () => controller.abort(signal?.reason);
  let timer: NodeJS.Timeout | undefined;
  if (signal?.aborted) {
    relay();
  } else {
    signal?.addEventListener("abort", relay, { once: true });
    if (timeoutMs !== undefined) {
      timer = setTimeout(
        () => controller.abort(new DOMException(`deadline of ${timeoutMs} ms passed`, "TimeoutError")),
        timeoutMs,
      );
    }
  }
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", relay);
    },
  };
}
