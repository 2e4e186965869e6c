import type { DeleteOptions } from "../../client/options.js";
import type { StateStore } from "./store.js";
import type { NetworkView, NodeView } from "./views.js";

/** What the local handles need from their provider: reads and deletes by name. */
export interface LocalOps {
  readonly store: StateStore;
  viewNode(namespace: string, name: string, signal?: AbortSignal): Promise<NodeView>;
  viewNetwork(namespace: string, name: string, signal?: AbortSignal): Promise<NetworkView>;
  deleteNode(namespace: string, name: string, options: DeleteOptions): Promise<void>;
  deleteNetwork(namespace: string, name: string, options: DeleteOptions): Promise<void>;
}
