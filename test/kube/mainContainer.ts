// A pod's main container (seid) as a kubelet keeps it, for the pod runner:
// seid's output goes to a log file in the container runtime's format, which a
// KWOK Logs object makes the node's log endpoint serve (`kubectl logs`,
// `--previous`); when seid exits, the pod's status says so as a kubelet's
// would (the exit as `lastState.terminated`, then `CrashLoopBackOff` with the
// kubelet's back-off from the second crash on), and seid starts again with the
// log of the run that died kept as the previous one.
import { rename } from "node:fs/promises";
import { constants } from "node:os";
import type { CoreV1Api, CustomObjectsApi, V1ContainerState, V1Pod } from "@kubernetes/client-node";
import { putPodObject } from "./podObject.js";
import type { Exit, ManagedProcess } from "./processes.js";

/** A kubelet's crash back-off: 10 s, doubling, at most 5 min. */
const BACKOFF_BASE_S = 10;
const BACKOFF_MAX_S = 300;

export interface MainContainer {
  /** The container's process in its current run (undefined while backing off). */
  process(): ManagedProcess | undefined;
  /** Runs that ended on their own so far (the status's restartCount). */
  restarts(): number;
  /** Stops the container for good (the pod is gone); idempotent. */
  stop(graceMs?: number): Promise<void>;
}

export interface MainContainerOptions {
  core: CoreV1Api;
  custom: CustomObjectsApi;
  pod: V1Pod;
  container: string;
  /** The current run's log; the previous run's is `<logPath>.previous`. */
  logPath: string;
  /** Starts one run, logging in the CRI format to `logPath`. */
  start: () => ManagedProcess;
  log: (line: string) => void;
}

export async function runMainContainer(options: MainContainerOptions): Promise<MainContainer> {
  const { core, custom, pod, container, logPath } = options;
  const namespace = pod.metadata?.namespace as string;
  const name = pod.metadata?.name as string;
  const uid = pod.metadata?.uid as string;
  const previousPath = `${logPath}.previous`;
  await putPodObject(custom, pod, "Logs", "logs", {
    logs: [{ containers: [container], logsFile: logPath, previousLogsFile: previousPath, follow: true }],
  });

  let stopped = false;
  let current: ManagedProcess | undefined = options.start();
  let restarts = 0;
  let wake: (() => void) | undefined;
  const setStatus = (state: V1ContainerState, lastState: V1ContainerState | undefined, ready: boolean) =>
    writeContainerStatus(core, namespace, name, uid, container, {
      state,
      lastState,
      ready,
      restartCount: restarts,
    }).catch((err: unknown) =>
      options.log(`${namespace}/${name}: status of ${container} not written: ${(err as Error).message}`),
    );

  const supervise = async (): Promise<void> => {
    for (;;) {
      const run = current as ManagedProcess;
      const startedAt = new Date();
      const exit = await run.exited;
      if (stopped) return;
      const finishedAt = new Date();
      restarts++;
      const terminated: V1ContainerState = {
        terminated: {
          exitCode: exitCode(exit),
          reason: exitCode(exit) === 0 ? "Completed" : "Error",
          startedAt,
          finishedAt,
        },
      };
      options.log(`${namespace}/${name}: ${container} exited (${exitCode(exit)}), restart ${restarts}`);
      current = undefined;
      await rename(logPath, previousPath).catch(() => undefined);
      if (restarts > 1) {
        const backoff = Math.min(BACKOFF_BASE_S * 2 ** (restarts - 2), BACKOFF_MAX_S);
        await setStatus(
          {
            waiting: {
              reason: "CrashLoopBackOff",
              message: `back-off ${backoff}s restarting failed container=${container} pod=${name}_${namespace}(${uid})`,
            },
          },
          terminated,
          false,
        );
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, backoff * 1000);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
        if (stopped) return;
      }
      current = options.start();
      await setStatus({ running: { startedAt: new Date() } }, terminated, true);
    }
  };
  const supervising = supervise().catch((err: unknown) =>
    options.log(`${namespace}/${name}: supervising ${container} failed: ${(err as Error).message}`),
  );

  let stopping: Promise<void> | undefined;
  return {
    process: () => current,
    restarts: () => restarts,
    stop(graceMs = 5000) {
      stopping ??= (async () => {
        stopped = true;
        wake?.();
        await current?.stop(graceMs);
        await supervising;
      })();
      return stopping;
    },
  };
}

/** A kubelet's exit code: the process's own, or 128 + the signal's number. */
function exitCode(exit: Exit): number {
  if (exit.code !== null) return exit.code;
  return 128 + (exit.signal ? (constants.signals[exit.signal] ?? 0) : 0);
}

/** Replaces one container's status (and the pod's readiness conditions), retrying write conflicts. */
async function writeContainerStatus(
  core: CoreV1Api,
  namespace: string,
  name: string,
  uid: string,
  container: string,
  update: {
    state: V1ContainerState;
    lastState: V1ContainerState | undefined;
    ready: boolean;
    restartCount: number;
  },
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const pod = await core.readNamespacedPod({ namespace, name });
    if (pod.metadata?.uid !== uid || pod.metadata?.deletionTimestamp) return;
    const statuses = pod.status?.containerStatuses ?? [];
    const status = statuses.find((s) => s.name === container);
    if (!status) return;
    status.state = update.state;
    if (update.lastState) status.lastState = update.lastState;
    status.ready = update.ready;
    status.started = update.state.running !== undefined;
    status.restartCount = update.restartCount;
    const allReady = statuses.every((s) => s.ready);
    for (const condition of pod.status?.conditions ?? []) {
      if (condition.type !== "Ready" && condition.type !== "ContainersReady") continue;
      const value = allReady ? "True" : "False";
      if (condition.status === value) continue;
      condition.status = value;
      condition.lastTransitionTime = new Date();
      if (allReady) {
        condition.reason = undefined;
        condition.message = undefined;
      } else {
        condition.reason = "ContainersNotReady";
        condition.message = `containers with unready status: [${container}]`;
      }
    }
    try {
      await core.replaceNamespacedPodStatus({ namespace, name, body: pod });
      return;
    } catch (err) {
      if ((err as { code?: number }).code !== 409 || attempt >= 5) throw err;
    }
  }
}
