import type Docker from "dockerode";
import { ConflictError } from "../../errors/conflict.js";
import type { NodeFaults } from "../node/nodeOps.js";
import { mapDockerError } from "./dockerErrors.js";
import { resourceName } from "./names.js";
import type { NodeView } from "./views.js";

/**
 * Fault injection on node containers: `docker pause`/`unpause`, and
 * disconnecting from or reconnecting to the network's Docker network (which
 * also carries the published ports: endpoints are read back afterwards).
 */
export function dockerFaults(
  docker: Docker,
  dockerNetworkOf: (view: NodeView) => string,
): NodeFaults<NodeView> {
  const container = (view: NodeView) => docker.getContainer(view.inspect.Id);
  const network = (view: NodeView) => docker.getNetwork(dockerNetworkOf(view));
  return {
    pause: (view) => fault(view, "pause", () => container(view).pause()),
    unpause: (view) => fault(view, "unpause", () => container(view).unpause()),
    disconnect: (view) =>
      fault(view, "disconnect", () => network(view).disconnect({ Container: view.inspect.Id, Force: true })),
    reconnect: (view) =>
      fault(view, "reconnect", () =>
        network(view).connect({
          Container: view.inspect.Id,
          EndpointConfig: { Aliases: [resourceName(view.namespace, view.name)] },
        }),
      ),
  };
}

/** Runs one fault; the engine's 409 (already paused, not connected, …) is a ConflictError. */
async function fault(view: NodeView, what: string, fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 409) {
      throw new ConflictError(`Cannot ${what} node "${view.name}": ${String(err)}`, { cause: err });
    }
    throw mapDockerError(err, `to ${what} node "${view.name}"`);
  }
}
