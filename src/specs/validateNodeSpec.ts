import {
  optionalDnsLabel,
  optionalDottedMap,
  optionalLabels,
  requireDnsLabel,
  requireObject,
  requireRpcServers,
  requireToken,
} from "./rules.js";
import type { NodeSpec } from "./types.js";

const KNOWN = [
  "name",
  "network",
  "namespace",
  "networkNamespace",
  "image",
  "binary",
  "config",
  "labels",
  "stateSync",
] as const;

/**
 * Checks a follower node spec before any side effect and returns it typed.
 *
 * @example
 * ```ts
 * import { validateNodeSpec } from "seinet";
 * validateNodeSpec({ name: "rpc-0", network: "devnet" });
 * ```
 */
export function validateNodeSpec(spec: unknown): NodeSpec {
  requireObject(spec, "spec", KNOWN);
  requireDnsLabel(spec.name, "name");
  requireDnsLabel(spec.network, "network");
  optionalDnsLabel(spec.namespace, "namespace");
  optionalDnsLabel(spec.networkNamespace, "networkNamespace");
  if (spec.image !== undefined) requireToken(spec.image, "image");
  if (spec.binary !== undefined) requireToken(spec.binary, "binary", 4096);
  optionalDottedMap(spec.config, "config", (v) => typeof v === "string", "a string");
  optionalLabels(spec.labels, "labels");
  if (spec.stateSync !== undefined) {
    const stateSync: unknown = spec.stateSync;
    requireObject(stateSync, "stateSync", ["rpcServers"]);
    requireRpcServers(stateSync.rpcServers, "stateSync.rpcServers");
  }
  return spec as unknown as NodeSpec;
}
