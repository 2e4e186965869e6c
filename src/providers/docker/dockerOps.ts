import type Docker from "dockerode";
import type { DeleteOptions } from "../../client/options.js";
import type { NetworkView, NodeView } from "./views.js";

/** What the docker handles need from their provider. */
export interface DockerOps {
  readonly docker: Docker;
  viewNode(namespace: string, name: string): Promise<NodeView>;
  viewNetwork(namespace: string, name: string): Promise<NetworkView>;
  deleteNode(namespace: string, name: string, options: DeleteOptions): Promise<void>;
  deleteNetwork(namespace: string, name: string, options: DeleteOptions): Promise<void>;
  /** The Docker network a node's network runs on. */
  dockerNetworkOf(view: NodeView): string;
}
