// What the engine still holds of a network: containers, volumes and Docker
// networks carrying its labels.
import type Docker from "dockerode";

/** Names of every container, volume and Docker network labelled with `labels`. */
export async function labelled(docker: Docker, labels: Record<string, string>): Promise<string[]> {
  const filters = { label: Object.entries(labels).map(([k, v]) => `${k}=${v}`) };
  const [containers, volumes, networks] = await Promise.all([
    docker.listContainers({ all: true, filters }),
    docker.listVolumes({ filters }),
    docker.listNetworks({ filters }),
  ]);
  return [
    ...containers.map((c) => `container ${c.Names.join(",")}`),
    ...(volumes.Volumes ?? []).map((v) => `volume ${v.Name}`),
    ...networks.map((n) => `network ${n.Name}`),
  ];
}
