import type { KubeConfig } from "@kubernetes/client-node";
import type { Network, Node, Task, Workflow } from "../../client/handles.js";
import type { CreateNetworkOptions } from "../../client/options.js";
import type { GetOptions, OpOptions } from "../../client/options.js";
import type { Provider } from "../../client/provider.js";
import { isNotFound } from "../../errors/predicates.js";
import { UsageError } from "../../errors/usage.js";
import type { NetworkSpec, NodeSpec, TaskSpec, WorkflowSpec } from "../../specs/types.js";
import { refuseTemplate } from "../../templates/refuseTemplate.js";
import type { K8sContext } from "./context.js";
import { K8sNetwork } from "./handles/networkHandle.js";
import { K8sNode } from "./handles/nodeHandle.js";
import { K8sTask } from "./handles/taskHandle.js";
import { K8sWorkflow } from "./handles/workflowHandle.js";
import { KubeApi } from "./kubeApi.js";
import { PodKiller } from "./podKiller.js";
import { PodLogs } from "./podLogs.js";
import { PortForwarder } from "./portForward.js";
import { renderNetwork } from "./render/renderNetwork.js";
import { renderNode } from "./render/renderNode.js";
import { renderTask } from "./render/renderTask.js";
import { renderWorkflow } from "./render/renderWorkflow.js";
import { SEI_NETWORK, SEI_NODE, SEI_NODE_TASK, SEI_NODE_TASK_WORKFLOW } from "./resources.js";
import { SessionLeases } from "./sessionLeases.js";

function requireImage(image: string | undefined, what: string): string {
  if (!image) {
    throw new UsageError(
      `The k8s mode needs \`image\` on ${what}: the controller runs it as the node's container.`,
      {
        field: "image",
      },
    );
  }
  return image;
}

/**
 * The k8s mode: SeiNetwork/SeiNode/SeiNodeTask/SeiNodeTaskWorkflow written by
 * server-side apply, read back from the API server, waited on with watches.
 */
export class K8sProvider implements Provider {
  readonly mode = "k8s";
  /** Namespace used when a spec or lookup leaves its own empty. */
  readonly defaultNamespace: string;
  /** The API layer, exposed for request counting in benchmarks. */
  readonly api: KubeApi;
  readonly #ctx: K8sContext;
  /** Sessions as Leases in the default namespace (see `open(mode, { session: true })`). */
  readonly sessions: SessionLeases;

  constructor(kc: KubeConfig, defaultNamespace: string, options: { watchTimeoutSeconds?: number } = {}) {
    this.api = new KubeApi(kc, options);
    this.sessions = new SessionLeases(kc, defaultNamespace);
    this.#ctx = {
      api: this.api,
      logs: new PodLogs(kc),
      forwarder: new PortForwarder(kc),
      forwards: new Set(),
      pods: new PodKiller(kc),
    };
    this.defaultNamespace = defaultNamespace;
  }

  async createNetwork(spec: NetworkSpec, options: CreateNetworkOptions): Promise<Network> {
    refuseTemplate(this.mode, options);
    const namespace = spec.namespace ?? this.defaultNamespace;
    if (spec.testAccounts !== undefined) {
      throw new UsageError(
        "`testAccounts` applies to the local and docker modes, which make the genesis; the controller makes a SeiNetwork's.",
        { field: "testAccounts" },
      );
    }
    const obj = renderNetwork(spec, namespace, requireImage(spec.image, `network "${spec.name}"`));
    const applied = await this.api.apply(SEI_NETWORK, obj, options.signal);
    return new K8sNetwork(this.#ctx, namespace, spec.name, applied);
  }

  async getNetwork(name: string, options: GetOptions): Promise<Network> {
    const namespace = options.namespace ?? this.defaultNamespace;
    return new K8sNetwork(
      this.#ctx,
      namespace,
      name,
      await this.api.get(SEI_NETWORK, namespace, name, options.signal),
    );
  }

  async createNode(spec: NodeSpec, options: OpOptions): Promise<Node> {
    const namespace = spec.namespace ?? this.defaultNamespace;
    const image = requireImage(spec.image, `node "${spec.name}"`);
    const obj = renderNode(spec, namespace, image, await this.#chainIdOf(spec, namespace, options.signal));
    const applied = await this.api.apply(SEI_NODE, obj, options.signal);
    return new K8sNode(this.#ctx, namespace, spec.name, applied);
  }

  /**
   * The chain id a follower joins: its network's `genesis.chainId`, which may
   * differ from the network's name. A network not made yet (the controller
   * waits for it) gives its name, the default chain id.
   */
  async #chainIdOf(spec: NodeSpec, namespace: string, signal: AbortSignal | undefined): Promise<string> {
    const networkNamespace = spec.networkNamespace ?? namespace;
    try {
      const network = await this.api.get(SEI_NETWORK, networkNamespace, spec.network, signal);
      const chainId = (network.spec as { genesis?: { chainId?: unknown } } | undefined)?.genesis?.chainId;
      return typeof chainId === "string" && chainId ? chainId : spec.network;
    } catch (err) {
      if (isNotFound(err)) return spec.network;
      throw err;
    }
  }

  async getNode(name: string, options: GetOptions): Promise<Node> {
    const namespace = options.namespace ?? this.defaultNamespace;
    const obj = await this.api.get(SEI_NODE, namespace, name, options.signal);
    return new K8sNode(this.#ctx, namespace, name, obj);
  }

  async runTask(spec: TaskSpec, options: OpOptions): Promise<Task> {
    const namespace = spec.namespace ?? this.defaultNamespace;
    const applied = await this.api.apply(SEI_NODE_TASK, renderTask(spec, namespace), options.signal);
    return new K8sTask(this.#ctx, namespace, spec.name, applied);
  }

  async getTask(name: string, options: GetOptions): Promise<Task> {
    const namespace = options.namespace ?? this.defaultNamespace;
    return new K8sTask(
      this.#ctx,
      namespace,
      name,
      await this.api.get(SEI_NODE_TASK, namespace, name, options.signal),
    );
  }

  async createWorkflow(spec: WorkflowSpec, options: OpOptions): Promise<Workflow> {
    const namespace = spec.namespace ?? this.defaultNamespace;
    const applied = await this.api.apply(
      SEI_NODE_TASK_WORKFLOW,
      renderWorkflow(spec, namespace),
      options.signal,
    );
    return new K8sWorkflow(this.#ctx, namespace, spec.name, applied);
  }

  async getWorkflow(name: string, options: GetOptions): Promise<Workflow> {
    const namespace = options.namespace ?? this.defaultNamespace;
    const obj = await this.api.get(SEI_NODE_TASK_WORKFLOW, namespace, name, options.signal);
    return new K8sWorkflow(this.#ctx, namespace, name, obj);
  }

  /** Closes port-forwards left open; watches end with their waits. Deletes nothing. */
  async close(): Promise<void> {
    await Promise.all([...this.#ctx.forwards].map((f) => f.close()));
  }
}
