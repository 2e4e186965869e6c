import type Docker from "dockerode";
import { type NodeOps, type NodeReads, boundReads } from "../node/nodeOps.js";
import { dockerCheckpoints } from "./checkpoints/dockerCheckpoints.js";
import { containerSeidCommand } from "./containerSeidCommand.js";
import { dockerFaults } from "./dockerFaults.js";
import { containerLogLines } from "./logs.js";
import { CONTAINER_HOME } from "./names.js";
import { type NetworkView, type NodeView, crashLog } from "./views.js";

/** Per-request bound of a readiness probe through a published port, ms. */
const PROBE_REQUEST_MS = 1_000;

/** The docker mode under the shared handles: containers and Docker networks read from the engine. */
export type DockerOps = NodeOps<NetworkView, NodeView>;

/** What the docker adapter needs from its provider: the engine, and reads and deletes by name. */
export interface DockerReads extends NodeReads<NetworkView, NodeView> {
  readonly docker: Docker;
  /** The Docker network a node's network runs on. */
  dockerNetworkOf(view: NodeView): string;
  /** This machine's state root for the engine: task records and checkpoints. */
  stateRoot(): Promise<string>;
}

/**
 * The docker adapter: a node is a container, its log the container's, its
 * endpoints the ports published on 127.0.0.1; pause and disconnect are real.
 */
export function dockerOps(provider: DockerReads): DockerOps {
  const { docker } = provider;
  return {
    probeRequestMs: PROBE_REQUEST_MS,
    faults: dockerFaults(docker, (view) => provider.dockerNetworkOf(view)),
    ...boundReads(provider),
    checkpoints: dockerCheckpoints({
      docker,
      stateRoot: () => provider.stateRoot(),
      viewNode: (namespace, name) => provider.viewNode(namespace, name),
    }),
    // A container's view carries the facts the handles read as they are.
    nodeFacts: (view) => view,
    networkFacts: (view) => view,
    nodeObject: (view) => view.inspect,
    networkObject: (view) => ({
      network: view.network,
      validators: view.validators,
      image: view.image,
      createdAt: view.network.Created,
      phase: view.phase,
      reason: view.reason,
      containers: view.nodes.map((n) => n.inspect),
    }),
    logs: (view, options) => containerLogLines(docker, docker.getContainer(view.inspect.Id), options),
    crashLog: (view) => crashLog(docker, view),
    seidCommand: (view) => containerSeidCommand(docker, docker.getContainer(view.inspect.Id), CONTAINER_HOME),
  };
}
