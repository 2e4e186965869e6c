import type { Network, Node } from "../client/handles.js";
import { seidVersionOf } from "./nodeInfo.js";

/** One network as `up`, `status` and `ls` report it (the `--json` shape). */
export interface NetworkInfo {
  name: string;
  namespace: string;
  chainId: string;
  phase: string;
  /** Why the network is Degraded or Failed, in words. */
  reason: string | null;
  validators: number;
  followers: number;
  /**
   * The seid its nodes run (after an upgrade, the new one); several versions
   * mid-upgrade, comma-separated; the genesis seid when no node says.
   */
  seidVersion: string | null;
  createdAt: string | null;
  tendermintRpc: string | null;
  rest: string | null;
}

/** What the CLI reads from a network's `object()`. */
interface NetworkObject {
  validators?: unknown;
  seid?: { version?: unknown };
  createdAt?: unknown;
  reason?: unknown;
}

const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

/** Reads a network handle into the CLI's report shape; `nodes` are the nodes that follow it. */
export function networkInfo(net: Network, nodes: readonly Node[]): NetworkInfo {
  const o = (net.object() ?? {}) as NetworkObject;
  return {
    name: net.name,
    namespace: net.namespace,
    chainId: net.chainId,
    phase: net.phase ?? "Unknown",
    reason: text(o.reason),
    validators: Array.isArray(o.validators) ? o.validators.length : 0,
    followers: nodes.filter((n) => isFollower(n, net)).length,
    seidVersion: runningVersions(net, nodes) ?? text(o.seid?.version),
    createdAt: text(o.createdAt),
    tendermintRpc: net.tendermintRpc ?? null,
    rest: net.rest ?? null,
  };
}

/** True when `node` is a follower of `net` (not one of its validators or its sentry). */
export function isFollower(node: Node, net: Network): boolean {
  return node.role === "follower" && isMember(node, net);
}

/** True when `node` runs `net`'s chain: a validator, its sentry or a follower. */
function isMember(node: Node, net: Network): boolean {
  const o = (node.object() ?? {}) as { networkNamespace?: unknown };
  const ns = typeof o.networkNamespace === "string" ? o.networkNamespace : node.namespace;
  return node.network === net.name && ns === net.namespace;
}

/** The distinct seid versions `net`'s nodes run, comma-separated; null when none says. */
function runningVersions(net: Network, nodes: readonly Node[]): string | null {
  const versions = new Set<string>();
  for (const node of nodes) {
    if (!isMember(node, net)) continue;
    const v = seidVersionOf((node.object() ?? {}) as Parameters<typeof seidVersionOf>[0]);
    if (v) versions.add(v);
  }
  return versions.size ? [...versions].sort().join(",") : null;
}
