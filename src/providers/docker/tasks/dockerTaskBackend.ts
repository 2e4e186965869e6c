import type Docker from "dockerode";
import { DEFAULT_PORTS } from "../../../chain/ports.js";
import { UsageError } from "../../../errors/usage.js";
import type { TaskBackend, TaskTarget } from "../../../tasks/taskTarget.js";
import { ContainerRuntime } from "../containerRuntime.js";
import { isDockerNotFound, mapDockerError } from "../dockerErrors.js";
import { CONTAINER_HOME, resourceName } from "../names.js";
import { recreateNodeContainer } from "../recreateNodeContainer.js";
import type { NetworkView, NodeView } from "../views.js";

/** A node container as a task sees it. */
export interface DockerTarget extends TaskTarget {
  containerName: string;
}

/** What the docker task backend needs from its provider. */
export interface DockerTaskDeps {
  docker: Docker;
  namespace(ns: string | undefined): string;
  viewNode(namespace: string, name: string): Promise<NodeView>;
  viewNetwork(namespace: string, name: string): Promise<NetworkView>;
}

/**
 * The docker mode's side of tasks: `seid tx` runs by `docker exec` in the
 * node's own container, so it signs with the keyring the ceremony left in the
 * node's home and reaches the node on the container's loopback; a restart or
 * an image swap recreates the container on the same volume, name and ports.
 */
export function dockerTaskBackend(deps: DockerTaskDeps): TaskBackend<DockerTarget> {
  const { docker } = deps;
  return {
    namespace: (ns) => deps.namespace(ns),
    async target(namespace, name) {
      const view = await deps.viewNode(namespace, name);
      const network = await deps.viewNetwork(view.networkNamespace, view.network);
      const containerName = resourceName(namespace, name);
      return {
        name,
        namespace,
        role: view.role,
        chainId: network.chainId,
        home: CONTAINER_HOME,
        txNode: `tcp://127.0.0.1:${DEFAULT_PORTS.rpc}`,
        rest: view.endpoints.rest,
        // By name, so it follows the container across a restart.
        runtime: new ContainerRuntime(docker, docker.getContainer(containerName)),
        containerName,
      };
    },
    async view(t) {
      const view = await deps.viewNode(t.namespace, t.name);
      return {
        phase: view.phase,
        reason: view.reason,
        exitCode: view.exitCode,
        halt: view.halt,
        tendermintRpc: view.endpoints.tendermintRpc,
      };
    },
    async checkUpdate(update) {
      if (update.binary !== undefined) {
        throw new UsageError(
          "`updateNodeImage.binary` is the local mode's; the docker mode swaps `updateNodeImage.image` (a seid image, e.g. one made by `seinet image build`).",
          { field: "updateNodeImage.binary" },
        );
      }
      if (!update.image) {
        throw new UsageError("The docker mode needs `updateNodeImage.image`: the seid image to run.", {
          field: "updateNodeImage.image",
        });
      }
      try {
        await docker.getImage(update.image).inspect();
      } catch (err) {
        if (!isDockerNotFound(err)) throw mapDockerError(err, `inspecting image ${update.image}`);
        throw new UsageError(
          `Image ${JSON.stringify(update.image)} is not in the Docker engine; build it with buildSeidImage (\`seinet image build\`) or pull it first.`,
          { field: "updateNodeImage.image", cause: err },
        );
      }
    },
    async update(update, t, signal) {
      const image = update.image as string;
      await recreateNodeContainer(docker, { namespace: t.namespace, name: t.name, image, signal });
      return image;
    },
    async restart(t, signal) {
      await recreateNodeContainer(docker, { namespace: t.namespace, name: t.name, signal });
    },
  };
}
