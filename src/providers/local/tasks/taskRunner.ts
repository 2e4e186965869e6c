import type { ChainRuntime } from "../../../chain/runtime.js";
import { NotFoundError } from "../../../errors/notFound.js";
import { UsageError } from "../../../errors/usage.js";
import type { UpdateNodeImageSpec } from "../../../specs/types.js";
import { TaskRunner } from "../../../tasks/taskRunner.js";
import type { TaskBackend, TaskNodeView, TaskTarget } from "../../../tasks/taskTarget.js";
import { endpointsOf } from "../endpoints.js";
import { hostRuntime } from "../hostRuntime.js";
import type { NodeRecord, SeidRef } from "../records.js";
import type { SeidResolver } from "../seidResolver.js";
import type { StateStore } from "../store.js";
import { viewNode } from "../views.js";

/** What the task runner needs from the local provider. */
export interface TaskRunnerDeps {
  store: StateStore;
  resolve: SeidResolver;
  /** The namespace a spec's empty namespace means. */
  namespace(ns: string | undefined): string;
  restartNode(node: NodeRecord, seid: SeidRef | undefined, signal?: AbortSignal): Promise<NodeRecord>;
}

/** A node of this machine as a task sees it: seid runs on the host against its loopback ports. */
interface LocalTarget extends TaskTarget {
  record: NodeRecord;
}

/**
 * The local mode's side of tasks: `seid tx` on the host with the node's home
 * and binary, restarts and binary swaps through the provider, views from the
 * state root.
 */
function localBackend(deps: TaskRunnerDeps): TaskBackend<LocalTarget> {
  const current = async (t: LocalTarget) => (await deps.store.readNode(t.namespace, t.name)) ?? t.record;
  return {
    namespace: (ns) => deps.namespace(ns),
    async target(ns, name) {
      const node = await deps.store.readNode(ns, name);
      if (!node) throw new NotFoundError("node", name, { namespace: ns });
      const network = await deps.store.readNetwork(node.networkNamespace, node.network);
      if (!network) throw new NotFoundError("network", node.network, { namespace: node.networkNamespace });
      const endpoints = endpointsOf(node);
      const runtime: ChainRuntime = hostRuntime(node.seid.path);
      return {
        name: node.name,
        namespace: node.namespace,
        role: node.role,
        chainId: network.chainId,
        home: node.home,
        txNode: endpoints.tendermintRpc,
        rest: endpoints.rest,
        runtime,
        record: node,
      };
    },
    async view(t): Promise<TaskNodeView> {
      const record = await current(t);
      const view = await viewNode(deps.store, record);
      return {
        phase: view.phase,
        reason: view.reason,
        exitCode: view.exitCode,
        halt: view.halt,
        tendermintRpc: endpointsOf(record).tendermintRpc,
      };
    },
    async checkUpdate(update: UpdateNodeImageSpec, _t, signal) {
      if (!update.binary) {
        throw new UsageError(
          "In the local mode `updateNodeImage` takes a `binary` (a path or an installed version such as v6.6.2).",
          { field: "updateNodeImage.binary" },
        );
      }
      await deps.resolve(update.binary, signal);
    },
    async update(update, t, signal) {
      const seid = await deps.resolve(update.binary as string, signal);
      const restarted = await deps.restartNode(await current(t), seid, signal);
      return restarted.seid.version ?? restarted.seid.path;
    },
    async restart(t, signal) {
      await deps.restartNode(await current(t), undefined, signal);
    },
  };
}

/**
 * Runs the local mode's tasks in this process with their state in the state
 * root, so `getTask` reads them from any process.
 */
export class LocalTaskRunner extends TaskRunner<LocalTarget> {
  constructor(deps: TaskRunnerDeps) {
    super(deps.store, localBackend(deps));
  }
}
