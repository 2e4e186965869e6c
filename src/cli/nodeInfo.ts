import type { Node } from "../client/handles.js";
import { LABEL_SEID_VERSION } from "../labels.js";

/** A node's serving URLs as the CLI prints them; `null` while not served. */
export interface EndpointsInfo {
  tendermintRpc: string | null;
  evmRpc: string | null;
  evmWs: string | null;
  rest: string | null;
}

/** One node as `up` and `status` report it (the `--json` shape). */
export interface NodeInfo {
  name: string;
  namespace: string;
  role: string;
  phase: string;
  pid: number | null;
  seidVersion: string | null;
  /** The image the node's container runs (docker mode). */
  image: string | null;
  /** Why the node is Failed, in words. */
  reason: string | null;
  endpoints: EndpointsInfo;
}

/** What the CLI reads from a node's `object()`: loosely typed, since modes differ (local record, container inspect). */
interface NodeObject {
  seid?: { version?: unknown };
  proc?: { pid?: unknown };
  reason?: unknown;
  Config?: { Image?: unknown; Labels?: Record<string, unknown> };
}

/** The seid version a node runs: its local record, or the label seinet's images carry. */
export function seidVersionOf(o: NodeObject): string | null {
  return text(o.seid?.version) ?? text(o.Config?.Labels?.[LABEL_SEID_VERSION]);
}

const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

/** Reads a node handle into the CLI's report shape. */
export function nodeInfo(node: Node): NodeInfo {
  const o = (node.object() ?? {}) as NodeObject;
  const pid = o.proc?.pid;
  return {
    name: node.name,
    namespace: node.namespace,
    role: node.role ?? "follower",
    phase: node.phase ?? "Unknown",
    pid: typeof pid === "number" ? pid : null,
    seidVersion: seidVersionOf(o),
    image: text(o.Config?.Image),
    reason: text(o.reason),
    endpoints: {
      tendermintRpc: node.tendermintRpc ?? null,
      evmRpc: node.evmRpc ?? null,
      evmWs: node.evmWs ?? null,
      rest: node.rest ?? null,
    },
  };
}
