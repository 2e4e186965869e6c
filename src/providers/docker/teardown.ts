import type Docker from "dockerode";
import {
  LABEL_MANAGED_BY,
  LABEL_NAMESPACE,
  LABEL_NETWORK,
  LABEL_NETWORK_NAMESPACE,
  LABEL_NODE_ROLE,
  LABEL_ROLE,
  MANAGED_BY,
  ROLE_NETWORK,
} from "../../labels.js";
import { ignoreMissing } from "./dockerErrors.js";
import { labelFilter } from "./labelSets.js";
import { STOP_GRACE_S, seinetContainers } from "./nodeContainer.js";

/** Removes containers (seid gets a short grace) and then their volumes. */
export async function removeContainers(
  docker: Docker,
  containers: readonly Docker.ContainerInfo[],
): Promise<void> {
  await Promise.all(
    containers.map(async (c) => {
      const container = docker.getContainer(c.Id);
      if (c.State === "running" || c.State === "paused") {
        await ignoreMissing(() => container.unpause()).catch(() => {});
        await ignoreMissing(() => container.stop({ t: STOP_GRACE_S })).catch(() => {});
      }
      await ignoreMissing(() => container.remove({ force: true, v: true }));
    }),
  );
}

/** Removes the volumes seinet made that carry `labels`. */
export async function removeVolumes(docker: Docker, labels: Record<string, string>): Promise<void> {
  const { Volumes } = await docker.listVolumes({
    filters: labelFilter({ [LABEL_MANAGED_BY]: MANAGED_BY, ...labels }),
  });
  await Promise.all((Volumes ?? []).map((v) => ignoreMissing(() => docker.getVolume(v.Name).remove())));
}

/** Everything of a network: its members, (with `followers`) its followers, their volumes and the Docker network. */
export async function destroyNetwork(
  docker: Docker,
  namespace: string,
  name: string,
  followers: boolean,
  only: Record<string, string> = {},
): Promise<void> {
  const all = await seinetContainers(docker, { [LABEL_NETWORK]: name, ...only });
  const mine = all.filter(
    (c) =>
      (c.Labels[LABEL_NAMESPACE] === namespace && c.Labels[LABEL_NODE_ROLE] !== "follower") ||
      (followers &&
        c.Labels[LABEL_NETWORK_NAMESPACE] === namespace &&
        c.Labels[LABEL_NODE_ROLE] === "follower"),
  );
  await removeContainers(docker, mine);
  const volumes = new Set(mine.map((c) => c.Labels[LABEL_NAMESPACE] ?? namespace));
  volumes.add(namespace);
  for (const ns of volumes) {
    const { Volumes } = await docker.listVolumes({
      filters: labelFilter({
        [LABEL_MANAGED_BY]: MANAGED_BY,
        [LABEL_NETWORK]: name,
        [LABEL_NAMESPACE]: ns,
        ...only,
      }),
    });
    await Promise.all(
      (Volumes ?? [])
        .filter(
          (v) =>
            v.Labels?.[LABEL_NODE_ROLE] !== "follower" ||
            (followers && v.Labels?.[LABEL_NETWORK_NAMESPACE] === namespace),
        )
        .map((v) => ignoreMissing(() => docker.getVolume(v.Name).remove())),
    );
  }
  const networks = await docker.listNetworks({
    filters: labelFilter({
      [LABEL_ROLE]: ROLE_NETWORK,
      [LABEL_NETWORK]: name,
      [LABEL_NAMESPACE]: namespace,
      ...only,
    }),
  });
  await Promise.all(networks.map((n) => ignoreMissing(() => docker.getNetwork(n.Id).remove())));
}
