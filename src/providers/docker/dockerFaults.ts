import type Docker from "dockerode";
import { ConflictError } from "../../errors/conflict.js";
import type { NodeFaults } from "../node/nodeOps.js";
import { mapDockerError } from "./dockerErrors.js";
import { resourceName } from "./names.js";
import type { NodeView } from "./views.js";

/**
 * Fault injection on node containers: `docker pause`/`unpause`, disconnecting
 * from or reconnecting to the network's Docker network (which also carries
 * the published ports: endpoints are read back afterwards), `docker kill`,
 * and a start of the same container (its volume keeps the home).
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
    kill: (view) =>
      fault(view, "kill", async () => {
        // The engine refuses to kill a paused container.
        if ((await container(view).inspect()).State.Paused) await container(view).unpause();
        await container(view).kill();
      }),
    restart: (view) =>
      fault(view, "restart", async () => {
        const state = (await container(view).inspect()).State;
        if (state.Paused) await container(view).unpause();
        if (state.Running) await container(view).restart({ t: 15 });
        else await container(view).start();
      }),
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
