import type { V1ContainerStatus, V1Pod } from "@kubernetes/client-node";

/**
 * Waiting reasons a kubelet reports for a container that will not come up on
 * its own: a crash loop, an image pull that failed again, an image name that
 * cannot be one. Reasons that often clear by themselves (a first
 * `ErrImagePull`, a Secret the container needs that is not made yet) are left
 * to the wait's deadline.
 */
const STUCK = new Set(["CrashLoopBackOff", "ImagePullBackOff", "InvalidImageName"]);

/** What a node's pod says about why it cannot serve; see {@link podFailure}. */
export interface PodFailure {
  /** The pod's name. */
  pod: string;
  /** The container that is stuck, if one is (else the pod itself failed). */
  container?: string;
  /** The kubelet's words: waiting reason and message, and the last exit. */
  reason: string;
  /** The stuck container's last exit code, where there was one. */
  exitCode?: number;
}

/**
 * Why a node's pod will not serve, from its status alone, or undefined while
 * it may still: the pod failed, or one of its containers (init containers
 * included) sits in a waiting state a kubelet leaves only on a change, such as
 * `CrashLoopBackOff` after seid died again and again. The controller does not
 * read container statuses (its phase stays `Running` while seid crash-loops),
 * so this is where such a death becomes visible.
 */
export function podFailure(pod: V1Pod): PodFailure | undefined {
  const name = pod.metadata?.name ?? "";
  if (pod.metadata?.deletionTimestamp) return undefined;
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  for (const status of statuses) {
    const waiting = status.state?.waiting;
    if (!waiting?.reason || !STUCK.has(waiting.reason)) continue;
    const last = status.lastState?.terminated;
    const parts = [`container ${status.name}: ${waiting.reason}`];
    if (waiting.message) parts.push(waiting.message);
    if (last) parts.push(`last exit ${describeExit(last)}`);
    if (status.restartCount)
      parts.push(`${status.restartCount} restart${status.restartCount === 1 ? "" : "s"}`);
    return {
      pod: name,
      container: status.name,
      reason: parts.join("; "),
      ...(last ? { exitCode: last.exitCode } : {}),
    };
  }
  if (pod.status?.phase === "Failed") {
    const why = [pod.status.reason, pod.status.message].filter(Boolean).join(": ");
    return { pod: name, reason: `pod Failed${why ? `: ${why}` : ""}` };
  }
  return undefined;
}

function describeExit(t: NonNullable<NonNullable<V1ContainerStatus["lastState"]>["terminated"]>): string {
  const parts = [`code ${t.exitCode}`];
  if (t.signal) parts.push(`signal ${t.signal}`);
  if (t.reason) parts.push(`(${t.reason})`);
  const message = t.message?.trim();
  return message ? `${parts.join(" ")}: ${message}` : parts.join(" ");
}
