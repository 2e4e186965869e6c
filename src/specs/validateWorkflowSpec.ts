import { UsageError } from "../errors/usage.js";
import {
  optionalDnsLabel,
  optionalLabels,
  requireDnsLabel,
  requireObject,
  requireOneOf,
  requireRpcServers,
} from "./rules.js";
import type { WorkflowSpec } from "./types.js";

/**
 * Checks a workflow spec: a StateSync workflow needs ≥ 2 distinct RPC servers.
 *
 * @example
 * ```ts
 * import { validateWorkflowSpec } from "seinet";
 * validateWorkflowSpec({ name: "sync", node: "rpc-0", kind: "StateSync", stateSync: { rpcServers: ["a:26657", "b:26657"] } });
 * ```
 */
export function validateWorkflowSpec(spec: unknown): WorkflowSpec {
  requireObject(spec, "spec", ["name", "namespace", "node", "kind", "labels", "stateSync"]);
  requireDnsLabel(spec.name, "name");
  optionalDnsLabel(spec.namespace, "namespace");
  requireDnsLabel(spec.node, "node");
  requireOneOf(spec.kind, "kind", ["StateSync"]);
  optionalLabels(spec.labels, "labels");
  if (spec.stateSync === undefined) {
    throw new UsageError('A workflow of kind "StateSync" needs `stateSync`.', { field: "stateSync" });
  }
  const stateSync: unknown = spec.stateSync;
  requireObject(stateSync, "stateSync", ["rpcServers", "migration"]);
  requireRpcServers(stateSync.rpcServers, "stateSync.rpcServers");
  if (stateSync.migration !== undefined) {
    const migration: unknown = stateSync.migration;
    requireObject(migration, "stateSync.migration", ["kind", "gigaStore"]);
    requireOneOf(migration.kind, "stateSync.migration.kind", ["GigaStore"]);
    if (migration.gigaStore !== undefined) {
      const gigaStore: unknown = migration.gigaStore;
      requireObject(gigaStore, "stateSync.migration.gigaStore", ["backend"]);
      if (gigaStore.backend !== undefined) {
        requireOneOf(gigaStore.backend, "stateSync.migration.gigaStore.backend", ["pebbledb", "rocksdb"]);
      }
    }
  }
  return spec as unknown as WorkflowSpec;
}
