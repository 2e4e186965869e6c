import { type PollResult, poll } from "../internal/poll.js";
import { deadline } from "./deadline.js";
import { type ResolvedProbeOptions, type WaitOptions, resolveWaitOptions } from "./options.js";
import { ProbeError } from "./probeError.js";

/**
 * Repeats `check` every `interval` until it reports done, within one overall
 * deadline (`timeout`) on top of the caller's signal. A ProbeError (endpoint
 * down, slow, 500, garbage) counts as "not yet" and its message becomes the
 * "Last seen" line of the TimeoutError; any other error ends the wait.
 * `what` names the wait in errors, e.g. `waiting for http://…/status to catch up`.
 */
export async function waitFor<T>(
  what: string,
  options: WaitOptions | undefined,
  check: (probe: ResolvedProbeOptions & { signal: AbortSignal }) => Promise<PollResult<T>>,
): Promise<T> {
  const { signal: callerSignal, requestTimeout, interval, timeout } = resolveWaitOptions(options);
  const overall = deadline(callerSignal, timeout);
  try {
    return await poll(
      async (signal) => {
        try {
          return await check({ signal, requestTimeout });
        } catch (err) {
          if (err instanceof ProbeError) return { done: false, note: err.shortMessage };
          throw err;
        }
      },
      { signal: overall.signal, interval, what },
    );
  } finally {
    overall.dispose();
  }
}
