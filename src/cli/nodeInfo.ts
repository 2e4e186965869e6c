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
  /** The node's seid home (local mode): `seid --home <home>` works there too. */
  home: string | null;
  /** A validator's staking identity, as the chain reports it; null for other roles or when unread. */
  validator: ValidatorInfo | null;
  endpoints: EndpointsInfo;
}

/** A validator node's staking identity and where its key lives. */
export interface ValidatorInfo {
  /** The operator key's name in the node's test keyring (the node's name). */
  keyName: string;
  /** `sei1…` of the operator key. */
  accountAddress: string;
  /** `seivaloper1…`, what delegations name. */
  operatorAddress: string;
}

/** What the CLI reads from a node's `object()`: loosely typed, since modes differ (local record, container inspect). */
interface NodeObject {
  home?: unknown;
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
    home: text(o.home),
    validator: null,
    endpoints: {
      tendermintRpc: node.tendermintRpc ?? null,
      evmRpc: node.evmRpc ?? null,
      evmWs: node.evmWs ?? null,
      rest: node.rest ?? null,
    },
  };
}
