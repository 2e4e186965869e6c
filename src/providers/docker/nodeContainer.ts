import type Docker from "dockerode";
import { DEFAULT_PORTS } from "../../chain/ports.js";
import { ConflictError } from "../../errors/conflict.js";
import { UsageError } from "../../errors/usage.js";
import { throwIfAborted } from "../../internal/abort.js";
import { LABEL_MANAGED_BY, MANAGED_BY } from "../../labels.js";
import { isDockerNotFound, mapDockerError } from "./dockerErrors.js";
import { labelFilter } from "./labelSets.js";
import { CONTAINER_HOME, resourceName } from "./names.js";

/** Container ports published on 127.0.0.1 (host port chosen by the engine). */
const PUBLISHED = [DEFAULT_PORTS.rpc, DEFAULT_PORTS.rest, DEFAULT_PORTS.evmHttp, DEFAULT_PORTS.evmWs];

/** How long seid gets to stop before the engine kills it, s. */
export const STOP_GRACE_S = 2;

/** Containers seinet made that carry `labels` (running or not). */
export async function seinetContainers(
  docker: Docker,
  labels: Record<string, string>,
): Promise<Docker.ContainerInfo[]> {
  return docker.listContainers({
    all: true,
    filters: labelFilter({ [LABEL_MANAGED_BY]: MANAGED_BY, ...labels }),
  });
}

/** A volume of the same name (left by a crashed run) would hand seid an old home: refused by name. */
export async function refuseLeftoverVolumes(
  docker: Docker,
  namespace: string,
  nodes: readonly string[],
): Promise<void> {
  const found = await Promise.all(
    nodes.map(async (node) => {
      const name = resourceName(namespace, node);
      try {
        await docker.getVolume(name).inspect();
        return name;
      } catch (err) {
        if (isDockerNotFound(err)) return undefined;
        throw mapDockerError(err, `inspecting volume ${name}`);
      }
    }),
  );
  const left = found.filter((v): v is string => v !== undefined);
  if (left.length > 0) {
    throw new ConflictError(`Docker volumes of an earlier network are left: ${left.join(", ")}.`, {
      metaMessages: [`Remove them (docker volume rm ${left.join(" ")}), or choose another name.`],
    });
  }
}

/** The image, present or pulled; one that cannot be had is a UsageError naming `field`. */
export async function ensureImage(
  docker: Docker,
  image: string,
  field: string,
  progress: (step: string) => void,
  signal?: AbortSignal,
): Promise<void> {
  try {
    await docker.getImage(image).inspect();
    return;
  } catch (err) {
    if (!isDockerNotFound(err)) throw mapDockerError(err, `inspecting image ${image}`);
  }
  progress(`pulling ${image}`);
  try {
    const stream = await docker.pull(image);
    await new Promise<void>((resolve, reject) =>
      docker.modem.followProgress(stream, (err: Error | null) => (err ? reject(err) : resolve())),
    );
  } catch (err) {
    throw new UsageError(
      `Image ${JSON.stringify(image)} is not in the Docker engine and could not be pulled; build one with buildSeidImage (\`seinet image build\`).`,
      { field, cause: err },
    );
  }
  throwIfAborted(signal, `pulling ${image}`);
}

/**
 * A node's container, created and not started: seid on the node's volume, on
 * the network's Docker network under its container name, RPC ports published.
 */
export async function createNodeContainer(
  docker: Docker,
  options: {
    name: string;
    namespace: string;
    image: string;
    dockerNetwork: string;
    labels: Record<string, string>;
    volume: string;
    /** Host port per container port, to keep a recreated node's endpoints; the engine picks the rest. */
    hostPorts?: Readonly<Record<number, string>>;
  },
): Promise<Docker.Container> {
  const containerName = resourceName(options.namespace, options.name);
  const exposed = Object.fromEntries(PUBLISHED.map((p) => [`${p}/tcp`, {}]));
  const bindings = Object.fromEntries(
    PUBLISHED.map((p) => [`${p}/tcp`, [{ HostIp: "127.0.0.1", HostPort: options.hostPorts?.[p] ?? "" }]]),
  );
  try {
    return await docker.createContainer({
      name: containerName,
      Hostname: containerName,
      Image: options.image,
      Entrypoint: ["seid"],
      Cmd: ["start", "--home", CONTAINER_HOME],
      Labels: options.labels,
      ExposedPorts: exposed,
      StopTimeout: STOP_GRACE_S,
      HostConfig: {
        Binds: [`${options.volume}:${CONTAINER_HOME}`],
        PortBindings: bindings,
        NetworkMode: options.dockerNetwork,
      },
      NetworkingConfig: {
        EndpointsConfig: { [options.dockerNetwork]: { Aliases: [containerName] } },
      },
    });
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 409) {
      throw new ConflictError(
        `A node named "${options.name}" already exists in namespace "${options.namespace}".`,
        {
          cause: err,
        },
      );
    }
    throw mapDockerError(err, `creating container ${containerName}`);
  }
}
