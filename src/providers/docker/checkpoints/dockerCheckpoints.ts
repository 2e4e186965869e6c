import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join, posix } from "node:path";
import type Docker from "dockerode";
import { isModuleCache } from "../../../chain/moduleCache.js";
import type { Checkpoint } from "../../../client/checkpoint.js";
import { InfraError } from "../../../errors/infra.js";
import { atomicWrite } from "../../../internal/atomicWrite.js";
import { diskUsage } from "../../../internal/copyTree.js";
import { logger } from "../../../internal/debug.js";
import { withExclusiveDirLock } from "../../../internal/dirLock.js";
import { settleAll } from "../../../internal/settleAll.js";
import {
  LABEL_NAMESPACE,
  LABEL_NETWORK,
  LABEL_NETWORK_NAMESPACE,
  LABEL_NODE,
  LABEL_NODE_ROLE,
} from "../../../labels.js";
import { activeRuns } from "../../../tasks/activeRuns.js";
import type { CheckpointMember, CheckpointOps } from "../../node/checkpointOps.js";
import { waitRpcAnswers } from "../../node/waitRpcAnswers.js";
import { readContainerFile } from "../archive.js";
import { ignoreMissing, mapDockerError } from "../dockerErrors.js";
import { CONTAINER_HOME, resourceName } from "../names.js";
import { seinetContainers } from "../nodeContainer.js";
import { RESTART_GRACE_S, publishedPorts, recreateNodeContainer } from "../recreateNodeContainer.js";
import type { NetworkView, NodeView } from "../views.js";
import { loadHome, saveHome } from "./homeArchive.js";

const log = logger("docker");
const RECORD = "checkpoint.json";
/** Beside a network's checkpoints: why its last restore failed, while it has not been restored since. */
const FAILED = ".restore-failed";

/** What the docker checkpoints need from the provider. */
export interface DockerCheckpointDeps {
  docker: Docker;
  /** This machine's state root of the engine (task records live there too). */
  stateRoot(): Promise<string>;
  viewNode(namespace: string, name: string): Promise<NodeView>;
}

/** Where a network's checkpoints live on this machine. */
export function checkpointsDir(root: string, namespace: string, network: string): string {
  return join(root, "checkpoints", namespace, network);
}

/** Why the network's last restore failed, if it has not been restored since. */
export async function restoreFailure(
  root: string,
  namespace: string,
  network: string,
): Promise<string | undefined> {
  return readFile(join(checkpointsDir(root, namespace, network), FAILED), "utf8").catch(() => undefined);
}

const ORDER = { validator: 0, sentry: 1, follower: 2 } as const;
/** How long followers wait for their peers to serve before they start anyway, ms. */
const LISTEN_TIMEOUT_MS = 30_000;

/**
 * The docker mode's checkpoints: each node's home copied out of its stopped
 * container through the archive API into a directory on this machine
 * (sparse), and back into a fresh volume on restore. The archive API works
 * with any engine and needs no helper image (seid images have no shell or
 * `cp`); a container is recreated, not restarted, so its endpoints keep
 * their host ports.
 */
export function dockerCheckpoints(deps: DockerCheckpointDeps): CheckpointOps<NetworkView> {
  const { docker } = deps;
  /** Host ports of the nodes this process stopped, to publish them on the same ones again. */
  const ports = new Map<string, Record<number, string>>();
  const dirOf = async (view: NetworkView) =>
    checkpointsDir(await deps.stateRoot(), view.namespace, view.name);
  const containerOf = (m: CheckpointMember) => docker.getContainer(resourceName(m.namespace, m.name));
  /** Inspects a node's container and, while it runs (paused or not), remembers its host ports for `start`. */
  const inspectRunning = async (m: CheckpointMember) => {
    const inspect = await containerOf(m)
      .inspect()
      .catch((err: unknown) => {
        throw mapDockerError(err, `inspecting node "${m.name}"`);
      });
    if (inspect.State.Running) ports.set(`${m.namespace}/${m.name}`, publishedPorts(inspect));
    return inspect;
  };
  const read = async (view: NetworkView, name: string): Promise<Checkpoint | undefined> => {
    const path = join(await dirOf(view), name, RECORD);
    try {
      return JSON.parse(await readFile(path, "utf8")) as Checkpoint;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw new InfraError(`Cannot read checkpoint record ${path}.`, { cause: err });
    }
  };
  return {
    exclusive: async (view, fn) =>
      withExclusiveDirLock(await dirOf(view), `A checkpoint or restore of network "${view.name}"`, fn),
    busy: async (view, nodes) => activeRuns(await deps.stateRoot(), view.namespace, nodes),
    async members(view) {
      const containers = (
        await seinetContainers(docker, {
          [LABEL_NETWORK]: view.name,
          [LABEL_NETWORK_NAMESPACE]: view.namespace,
        })
      ).filter((c) => c.Labels[LABEL_NODE_ROLE] !== undefined);
      const nodes = await Promise.all(
        containers.map((c) =>
          deps.viewNode(c.Labels[LABEL_NAMESPACE] ?? view.namespace, c.Labels[LABEL_NODE] ?? ""),
        ),
      );
      nodes.sort(
        (a, b) =>
          ORDER[a.role] - ORDER[b.role] ||
          (a.ordinal ?? 0) - (b.ordinal ?? 0) ||
          a.name.localeCompare(b.name),
      );
      return nodes.map((n) => ({
        name: n.name,
        namespace: n.namespace,
        role: n.role,
        seid: n.inspect.Config.Image,
        tendermintRpc: n.endpoints.tendermintRpc,
      }));
    },
    async stop(members) {
      await Promise.all(
        members.map(async (m) => {
          const container = containerOf(m);
          const inspect = await inspectRunning(m);
          if (inspect.State.Paused) await container.unpause().catch(() => {});
          if (inspect.State.Running || inspect.State.Paused) {
            await container.stop({ t: RESTART_GRACE_S }).catch((err: unknown) => {
              if ((err as { statusCode?: number }).statusCode !== 304)
                throw mapDockerError(err, `stopping node "${m.name}"`);
            });
          }
        }),
      );
    },
    async freeze(members) {
      const paused = await Promise.allSettled(members.map((m) => containerOf(m).pause()));
      const failed = paused.findIndex((r) => r.status === "rejected");
      if (failed >= 0) {
        await Promise.all(
          members.map((m, i) => (paused[i]?.status === "fulfilled" ? containerOf(m).unpause() : undefined)),
        ).catch(() => {});
        const m = members[failed] as CheckpointMember;
        throw mapDockerError((paused[failed] as PromiseRejectedResult).reason, `pausing node "${m.name}"`);
      }
      // The engine answers once the cgroup is frozen.
      return true;
    },
    async thaw(members) {
      await Promise.all(
        members.map((m) =>
          containerOf(m)
            .unpause()
            .catch(() => {}),
        ),
      );
    },
    async readHomeFile(m, rel) {
      try {
        return await readContainerFile(containerOf(m), posix.join(CONTAINER_HOME, rel));
      } catch (err) {
        if ((err as { statusCode?: number }).statusCode === 404) return undefined;
        throw mapDockerError(err, `reading ${rel} of node "${m.name}"`);
      }
    },
    async kill(members) {
      await Promise.all(
        members.map(async (m) => {
          const container = containerOf(m);
          const inspect = await inspectRunning(m);
          if (!inspect.State.Running && !inspect.State.Paused) return;
          // The engine signals a paused container, then lets it run: SIGKILL ends it before it does.
          await container.kill({ signal: "SIGKILL" }).catch((err: unknown) => {
            if ((err as { statusCode?: number }).statusCode !== 409)
              throw mapDockerError(err, `stopping node "${m.name}"`);
          });
          await container.wait({ condition: "not-running" }).catch(() => {});
        }),
      );
    },
    // P2P ports are not published: the RPC, opened in the same step, tells instead.
    waitListening: (members, signal) => waitRpcAnswers(members, { timeoutMs: LISTEN_TIMEOUT_MS, signal }),
    async start(members, signal) {
      // `docker start` of a container that ran would publish new host ports:
      // such a container is made again on its old ones. One made by `load` has them already.
      const containers = await settleAll(
        members.map(async (m) => {
          const inspect = await containerOf(m)
            .inspect()
            .catch((err: unknown) => {
              throw mapDockerError(err, `inspecting node "${m.name}"`);
            });
          if (inspect.State.Status === "created") return containerOf(m);
          return recreateNodeContainer(docker, {
            namespace: m.namespace,
            name: m.name,
            hostPorts: ports.get(`${m.namespace}/${m.name}`) ?? {},
            start: false,
            ...(signal ? { signal } : {}),
          });
        }),
      );
      // Started together, once all exist, to keep the validators' starts
      // close: each leaves block sync about a second after it starts, and one
      // that leaves it well before the others can wait up to seid's ten-second
      // heartbeat for their votes (README, "Where validators stop").
      await settleAll(
        containers.map((container, i) =>
          container.start().catch(async (err: unknown) => {
            const m = members[i] as CheckpointMember;
            if ((err as { statusCode?: number }).statusCode === 304) return;
            // A host port taken meanwhile: the engine picks new ones; endpoints are read back from the inspect.
            log(
              "node %s: cannot start on its old host ports (%s); publishing on new ones",
              m.name,
              String(err),
            );
            await recreateNodeContainer(docker, {
              namespace: m.namespace,
              name: m.name,
              hostPorts: {},
              ...(signal ? { signal } : {}),
            });
          }),
        ),
      );
    },
    async save(view, record, members, signal) {
      const into = join(await dirOf(view), record.name);
      await Promise.all(
        members.map((m) => saveHome(containerOf(m), join(into, m.name), signal, { skip: isModuleCache })),
      );
      return diskUsage(into);
    },
    async load(view, record, members, signal) {
      const from = join(await dirOf(view), record.name);
      // A fresh volume: files written since the checkpoint (a newer WAL pebble would replay) must go.
      await settleAll(
        members.map(async (m) => {
          const container = await recreateNodeContainer(docker, {
            namespace: m.namespace,
            name: m.name,
            hostPorts: ports.get(`${m.namespace}/${m.name}`) ?? {},
            start: false,
            beforeCreate: async (volume) => {
              const { Labels } = await docker.getVolume(volume).inspect();
              await ignoreMissing(() => docker.getVolume(volume).remove());
              await docker.createVolume({ Name: volume, Labels });
            },
          });
          await loadHome(container, join(from, m.name), signal, { skip: isModuleCache });
        }),
      );
    },
    write: async (view, record) =>
      atomicWrite(join(await dirOf(view), record.name, RECORD), `${JSON.stringify(record, null, 2)}\n`),
    read,
    async list(view) {
      const dir = await dirOf(view);
      const names = await readdir(dir).catch(() => [] as string[]);
      const records = await Promise.all(names.filter((n) => !n.startsWith(".")).map((n) => read(view, n)));
      return records
        .filter((r): r is Checkpoint => r !== undefined)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    remove: async (view, name) => rm(join(await dirOf(view), name), { recursive: true, force: true }),
    async markFailed(view, reason) {
      const dir = await dirOf(view);
      if (reason === undefined) return rm(join(dir, FAILED), { force: true });
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, FAILED), reason);
    },
  };
}
