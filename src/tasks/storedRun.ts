import { FailedError } from "../errors/failed.js";
import { poll } from "../internal/poll.js";
import type { TaskPhase } from "../specs/types.js";

/**
 * What tasks and workflows run in a client process share on disk: a phase,
 * the process that runs them, and why they failed.
 */
export interface StoredRun {
  name: string;
  phase: TaskPhase;
  /** The process running it; a Running or Pending run whose runner is gone reads as Failed. */
  runnerPid: number;
  /** Where a running one is, in words (workflows). */
  step?: string;
  reason?: string;
  logTail?: string;
}

function runnerAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A record as read, with a vanished runner turned into Failed: nothing will ever finish it. */
export function settled<R extends StoredRun>(record: R): R {
  if ((record.phase === "Running" || record.phase === "Pending") && !runnerAlive(record.runnerPid)) {
    return { ...record, phase: "Failed", reason: `the process that ran it (pid ${record.runnerPid}) exited` };
  }
  return record;
}

/**
 * Polls a stored run until it is Complete; Failed rejects with its reason and
 * log tail. `read` refreshes the caller's handle and returns what it now holds.
 */
export async function waitStoredRun(
  kind: "task" | "workflow",
  name: string,
  read: () => Promise<StoredRun>,
  signal: AbortSignal,
): Promise<void> {
  const Kind = kind === "task" ? "Task" : "Workflow";
  await poll<void>(
    async () => {
      const run = await read();
      if (run.phase === "Complete") return { done: true, value: undefined };
      if (run.phase === "Failed") {
        throw new FailedError(`${Kind} "${name}" failed.`, {
          resource: `${kind}/${name}`,
          phase: "Failed",
          reason: run.reason,
          logTail: run.logTail,
        });
      }
      return { done: false, note: `phase ${run.phase}${run.step ? `: ${run.step}` : ""}` };
    },
    { signal, interval: 100, what: `waiting for ${kind} "${name}"` },
  );
}
