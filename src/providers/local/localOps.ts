import { DEFAULT_REQUEST_TIMEOUT_MS } from "../../readiness/options.js";
import { type NodeOps, type NodeReads, boundReads } from "../node/nodeOps.js";
import { endpointsOf } from "./endpoints.js";
import { hostSeidCommand } from "./hostSeidCommand.js";
import { localCheckpoints } from "./localCheckpoints.js";
import { type LocalFaultDeps, localFaults } from "./localFaults.js";
import { logLines } from "./logLines.js";
import type { NodeRecord } from "./records.js";
import { RESTART_GRACE_MS } from "./seidProcess.js";
import type { StateStore } from "./store.js";
import { type NetworkView, type NodeView, crashLog } from "./views.js";

/** The local mode under the shared handles: records and processes read from the state root. */
export type LocalOps = NodeOps<NetworkView, NodeView>;

/** What the local adapter needs from its provider: the store, and reads and deletes by name. */
export interface LocalReads extends NodeReads<NetworkView, NodeView>, LocalFaultDeps {
  readonly store: StateStore;
  /** Starts seid on a node's home again and marks the record started. */
  startNode(record: NodeRecord): Promise<void>;
}

/**
 * The local adapter: a node is a seid process with its record, its log a
 * file, its endpoints the ports in its record; faults act on its process
 * group and on the network's P2P relay.
 */
export function localOps(provider: LocalReads): LocalOps {
  const { store } = provider;
  return {
    probeRequestMs: DEFAULT_REQUEST_TIMEOUT_MS,
    faults: localFaults({
      store,
      restartNode: (node, seid, signal) => provider.restartNode(node, seid, signal),
    }),
    ...boundReads(provider),
    checkpoints: localCheckpoints({
      store,
      stopGraceMs: RESTART_GRACE_MS,
      startNode: (record) => provider.startNode(record),
    }),
    nodeFacts: ({ record, alive, phase, reason, exitCode }) => ({
      name: record.name,
      namespace: record.namespace,
      network: record.network,
      networkNamespace: record.networkNamespace,
      role: record.role,
      alive,
      phase,
      reason,
      exitCode,
      endpoints: phase === "Running" ? endpointsOf(record) : {},
    }),
    networkFacts: ({ record, nodes, phase, reason }) => ({
      name: record.name,
      namespace: record.namespace,
      chainId: record.chainId,
      validators: record.validators,
      testAccount: record.testAccount,
      testAccountCount: record.testAccounts ?? 0,
      nodes,
      phase,
      reason,
    }),
    nodeObject: ({ record, proc, exitCode, reason }) => ({ ...record, proc, exitCode, reason }),
    networkObject: ({ record, phase, reason, nodes }) => ({
      ...record,
      phase,
      reason,
      nodes: nodes.map((n) => ({ ...n.record, proc: n.proc, phase: n.phase, exitCode: n.exitCode })),
    }),
    logs: ({ record }, options) => logLines(store.nodePaths(record.namespace, record.name).log, options),
    crashLog: (view) => crashLog(store, view),
    seidCommand: ({ record }) => hostSeidCommand(record.seid.path, record.home),
  };
}
