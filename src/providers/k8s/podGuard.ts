import type { V1Pod } from "@kubernetes/client-node";
import { FailedError } from "../../errors/failed.js";
import { logger } from "../../internal/debug.js";
import { sleep } from "../../internal/sleep.js";
import { LABEL_NODE } from "../../labels.js";
import type { K8sContext } from "./context.js";
import { type PodFailure, podFailure } from "./podFailure.js";

const log = logger("k8s");

/** Log lines a pod failure carries. */
const LOG_TAIL_LINES = 20;
/** How long reading that log tail may take before the error goes out without it. */
const LOG_TAIL_MS = 5_000;
/** A watch the server closes sooner than this is resumed after a pause, not at once. */
const QUICK_CLOSE_MS = 1_000;

/** Which pods to guard, and how to name what failed. */
export interface PodGuardTarget {
  namespace: string;
  /** SeiNode names: the controller labels their pods with LABEL_NODE (the StatefulSet selector). */
  nodes: string[];
  /** `kind/name` for the FailedError, e.g. `node/rpc`. */
  resource: string;
  /** The FailedError's message, given the failure. */
  message: (failure: PodFailure) => string;
  /** The resource's phase as last read, for the FailedError. */
  phase: () => string | undefined;
}

/**
 * Runs `work` while watching the target's pods, and fails it at once with a
 * FailedError (the kubelet's reason and seid's last log lines) when one of
 * them is stuck: the controller keeps its phase while seid crash-loops, so a
 * wait on phase and endpoints alone would hang until its deadline. A pod
 * watch that cannot run (no `watch` on pods, say) only costs that early
 * answer: the work goes on, and `DEBUG=seinet:k8s` says why.
 */
export async function guardPods<T>(
  ctx: K8sContext,
  target: PodGuardTarget,
  signal: AbortSignal,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (target.nodes.length === 0) return work(signal);
  const stop = new AbortController();
  const guarded = AbortSignal.any([signal, stop.signal]);
  let failed: FailedError | undefined;
  const watching = watchForFailure(ctx, target, guarded).then(async (failure) => {
    if (!failure || guarded.aborted) return;
    failed = await toError(ctx, target, failure, guarded);
    stop.abort(failed);
  });
  try {
    const value = await work(guarded);
    if (failed) throw failed;
    return value;
  } catch (err) {
    throw failed ?? err;
  } finally {
    stop.abort();
    await watching;
  }
}

/** The selector for the pods of `nodes`. */
export function podSelector(nodes: string[]): string {
  return nodes.length === 1 ? `${LABEL_NODE}=${nodes[0]}` : `${LABEL_NODE} in (${nodes.join(",")})`;
}

/** List, then watch from the list's resourceVersion, until a pod is stuck or the signal ends. */
async function watchForFailure(
  ctx: K8sContext,
  target: PodGuardTarget,
  signal: AbortSignal,
): Promise<PodFailure | undefined> {
  const selector = podSelector(target.nodes);
  let resourceVersion: string | undefined;
  while (!signal.aborted) {
    try {
      if (resourceVersion === undefined) {
        const listed = await ctx.api.listPods(target.namespace, selector, signal);
        resourceVersion = listed.resourceVersion;
        const failure = firstFailure(listed.items);
        if (failure) return failure;
      }
      let found: PodFailure | undefined;
      const started = performance.now();
      const ended = await ctx.api.watchPods(
        target.namespace,
        selector,
        resourceVersion,
        (type, pod) => {
          if (type === "ERROR") {
            resourceVersion = undefined;
            return true;
          }
          resourceVersion = pod.metadata?.resourceVersion ?? resourceVersion;
          if (type === "DELETED" || type === "BOOKMARK") return false;
          found = podFailure(pod);
          return found !== undefined;
        },
        signal,
      );
      if (found) return found;
      if (ended === "expired") resourceVersion = undefined;
      else if (performance.now() - started < QUICK_CLOSE_MS) await sleep(QUICK_CLOSE_MS, signal, "pod watch");
    } catch (err) {
      if (!signal.aborted) log("pod watch of %s stopped: %s", selector, (err as Error).message);
      return undefined;
    }
  }
  return undefined;
}

function firstFailure(pods: V1Pod[]): PodFailure | undefined {
  for (const pod of pods) {
    const failure = podFailure(pod);
    if (failure) return failure;
  }
  return undefined;
}

async function toError(
  ctx: K8sContext,
  target: PodGuardTarget,
  failure: PodFailure,
  signal: AbortSignal,
): Promise<FailedError> {
  // The run that died is the previous one once the kubelet started another.
  const logTail =
    failure.container === undefined || failure.container === "seid"
      ? await ctx.logs.tail(target.namespace, failure.pod, LOG_TAIL_LINES, {
          previous: failure.container === "seid",
          signal: AbortSignal.any([signal, AbortSignal.timeout(LOG_TAIL_MS)]),
        })
      : undefined;
  return new FailedError(target.message(failure), {
    resource: target.resource,
    phase: target.phase(),
    reason: `pod ${failure.pod}: ${failure.reason}`,
    ...(failure.exitCode !== undefined ? { exitCode: failure.exitCode } : {}),
    ...(logTail ? { logTail } : {}),
  });
}
