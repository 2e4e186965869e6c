import type Docker from "dockerode";
import { InfraError } from "../../errors/infra.js";
import { throwIfAborted } from "../../internal/abort.js";
import { logger } from "../../internal/debug.js";
import { mapDockerError } from "./dockerErrors.js";
import { CONTAINER_HOME, resourceName } from "./names.js";
import { createNodeContainer } from "./nodeContainer.js";

const log = logger("docker");

/** How long a running seid gets to stop before a restart kills it, s (as the local mode's 15 s). */
export const RESTART_GRACE_S = 15;

/** Host port per container port of a running container, as the engine published them on 127.0.0.1. */
export function publishedPorts(inspect: Docker.ContainerInspectInfo): Record<number, string> {
  const out: Record<number, string> = {};
  for (const [key, bindings] of Object.entries(inspect.NetworkSettings?.Ports ?? {})) {
    const binding = bindings?.find((b) => b.HostIp === "127.0.0.1") ?? bindings?.[0];
    if (binding?.HostPort) out[Number.parseInt(key, 10)] = binding.HostPort;
  }
  return out;
}

/**
 * Replaces a node's container with a fresh one on `image` (or the same image),
 * keeping what makes it the same node: its name and network alias (peers dial
 * it by name), its labels, its volume (the home: keys, data, config) and, when
 * it was running, its host ports. `docker restart` would keep the container
 * but publish new host ports, and an image cannot change in place. A halted
 * container has no published ports left to keep: the engine picks new ones.
 * Resolves with the new container, started.
 */
export async function recreateNodeContainer(
  docker: Docker,
  options: {
    namespace: string;
    name: string;
    image?: string;
    signal?: AbortSignal;
    /** Host ports to publish on (a stopped container has none left to read); default: those it runs with. */
    hostPorts?: Readonly<Record<number, string>>;
    /** Runs between the old container's removal and the new one's creation (its volume is free then). */
    beforeCreate?: (volume: string) => Promise<void>;
    /** Start the new container (default true). */
    start?: boolean;
  },
): Promise<Docker.Container> {
  const { signal } = options;
  const containerName = resourceName(options.namespace, options.name);
  const old = docker.getContainer(containerName);
  const inspect = await old.inspect().catch((err: unknown) => {
    throw mapDockerError(err, `inspecting node "${options.name}"`);
  });
  const image = options.image ?? inspect.Config.Image;
  const dockerNetwork = inspect.HostConfig.NetworkMode ?? "";
  const bind = (inspect.HostConfig.Binds ?? []).find((b) => b.split(":")[1] === CONTAINER_HOME);
  const volume = bind?.split(":")[0];
  if (!volume || !dockerNetwork) {
    throw new InfraError(
      `Container ${containerName} is not a seinet node container (no home volume or network).`,
    );
  }
  const hostPorts = options.hostPorts ?? (inspect.State.Running ? publishedPorts(inspect) : {});
  throwIfAborted(signal, `restarting node "${options.name}"`);
  if (inspect.State.Running || inspect.State.Paused) {
    if (inspect.State.Paused) await old.unpause().catch(() => {});
    await old.stop({ t: RESTART_GRACE_S }).catch((err: unknown) => {
      // 304: already stopped.
      if ((err as { statusCode?: number }).statusCode !== 304)
        throw mapDockerError(err, `stopping node "${options.name}"`);
    });
  }
  await old.remove({ force: true }).catch((err: unknown) => {
    throw mapDockerError(err, `removing the old container of node "${options.name}"`);
  });
  // A container's labels include its image's; the new container must take its new image's.
  const imageLabels = await docker
    .getImage(inspect.Image)
    .inspect()
    .then(
      (i) => i.Config?.Labels ?? {},
      () => ({}),
    );
  const spec = {
    name: options.name,
    namespace: options.namespace,
    image,
    dockerNetwork,
    labels: ownLabels(inspect.Config.Labels ?? {}, imageLabels),
    volume,
  };
  await options.beforeCreate?.(volume);
  let container = await createNodeContainer(docker, { ...spec, hostPorts });
  if (options.start === false) return container;
  try {
    await container.start();
  } catch (err) {
    if (Object.keys(hostPorts).length === 0) throw mapDockerError(err, `starting node "${options.name}"`);
    // A port taken meanwhile: let the engine pick; the endpoints are read back from the inspect.
    log("node %s: its old host ports are taken (%s); publishing on new ones", options.name, String(err));
    await container.remove({ force: true }).catch(() => {});
    container = await createNodeContainer(docker, spec);
    await container.start().catch((e: unknown) => {
      throw mapDockerError(e, `starting node "${options.name}"`);
    });
  }
  return container;
}

/**
 * The labels seinet put on a container: its labels less those it inherited
 * from its image (same key, same value). seinet's images label the seid
 * version; carried over to a container of another image, that label would lie.
 */
export function ownLabels(
  container: Readonly<Record<string, string>>,
  image: Readonly<Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(container).filter(([key, value]) => image[key] !== value));
}
