import type { NetworkSpec, NodeSpec, TaskSpec, WorkflowSpec } from "../specs/types.js";
import type { Network, Node, Task, Workflow } from "./handles.js";
import type { CreateNetworkOptions, GetOptions, ListOptions, OpOptions } from "./options.js";
import type { SessionSupport } from "./remoteSession.js";

/**
 * What a mode implements. The Client validates every spec before calling a
 * provider, so providers receive well-formed input only.
 */
export interface Provider {
  /** The mode name this provider was registered under. */
  readonly mode: string;
  createNetwork(spec: NetworkSpec, options: CreateNetworkOptions): Promise<Network>;
  getNetwork(name: string, options: GetOptions): Promise<Network>;
  createNode(spec: NodeSpec, options: OpOptions): Promise<Node>;
  getNode(name: string, options: GetOptions): Promise<Node>;
  runTask(spec: TaskSpec, options: OpOptions): Promise<Task>;
  getTask(name: string, options: GetOptions): Promise<Task>;
  createWorkflow(spec: WorkflowSpec, options: OpOptions): Promise<Workflow>;
  getWorkflow(name: string, options: GetOptions): Promise<Workflow>;
  /** Networks the runtime holds; modes without a listing leave it out. */
  listNetworks?(options: ListOptions): Promise<Network[]>;
  /** Nodes the runtime holds (validators included where they are nodes). */
  listNodes?(options: ListOptions): Promise<Node[]>;
  /** Releases connections (watches, port-forwards); never deletes resources. */
  close(): Promise<void>;
  /** Sessions recorded in the runtime itself (k8s: Leases), beside the local record. */
  readonly sessions?: SessionSupport | undefined;
}

/** Options passed to `open` and on to the provider factory. */
export interface OpenOptions extends OpOptions {
  /** k8s: path of a kubeconfig file (else the standard chain). */
  kubeconfig?: string;
  /** k8s: kubeconfig context to use. */
  context?: string;
  /** Default namespace for specs that leave theirs empty. */
  namespace?: string;
  /** local: directory holding network and node state; docker: root of the task records. */
  stateDir?: string;
  /**
   * Make every network and node of this client inside a session: a small
   * detached watchdog deletes them at most a few seconds after this process
   * dies, however it dies (SIGKILL included). Off by default: without it,
   * what the client makes lives until someone deletes it. Every built-in
   * mode; in k8s the session is also a Lease the process renews, so `seinet
   * gc --mode k8s` on another machine can tell a dead session from a live one.
   */
  session?: boolean;
  /** local: where warm templates are kept (else `<cache>/templates`, see `templatesRoot`). */
  templateDir?: string;
  /** Provider-specific options, passed through untouched. */
  [key: string]: unknown;
}

/**
 * Builds a provider for `open`. Register one with `registerProvider` to plug a
 * custom mode (for example an in-process harness) into the same API.
 */
export type ProviderFactory = (options: OpenOptions) => Provider | Promise<Provider>;
