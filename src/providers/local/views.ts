import { crashExcerpt } from "../../chain/crashExcerpt.js";
import { scheduledHalt } from "../../chain/scheduledHalt.js";
import type { FailedError } from "../../errors/failed.js";
import type { NetworkPhase, NodePhase } from "../../specs/types.js";
import { failure as nodeFailure } from "../node/failure.js";
import { networkPhase as phaseOfMembers } from "../node/networkPhase.js";
import type { NetworkRecord, NodeRecord, ProcRecord } from "./records.js";
import { runLog } from "./runLog.js";
import { exitCode, isAlive } from "./seidProcess.js";
import { stateSynced } from "./stateSync/stateSynced.js";
import type { StateStore } from "./store.js";

/** A node as read now: its record, its process, and the phase they give. */
export interface NodeView {
  record: NodeRecord;
  proc: ProcRecord | undefined;
  alive: boolean;
  exitCode: number | undefined;
  phase: NodePhase;
  /** Why it is Failed or Halted, in words. */
  reason: string | undefined;
  /** Set when seid stopped itself at a scheduled upgrade ("UPGRADE … NEEDED"). */
  halt: { upgrade: string; height: number } | undefined;
}

/** A network as read now, with its validators and sentry. */
export interface NetworkView {
  record: NetworkRecord;
  nodes: NodeView[];
  phase: NetworkPhase;
  reason: string | undefined;
}

/** Reads a node's process state; a dead seid reads as Failed, never Running. */
export async function viewNode(store: StateStore, record: NodeRecord): Promise<NodeView> {
  const paths = store.nodePaths(record.namespace, record.name);
  const proc = await store.readProc(record.namespace, record.name);
  const alive = proc ? await isAlive(proc) : false;
  const code = proc && !alive ? await settledExitCode(proc, paths.exit) : undefined;
  let phase: NodePhase;
  let reason: string | undefined;
  // A stopped seid may have stopped itself at a scheduled upgrade: its log says so.
  const halt =
    proc && !alive && record.state === "started"
      ? scheduledHalt(await runLog(paths.log, proc.logFrom))
      : undefined;
  if (record.state === "initializing") phase = "Initializing";
  else if (record.state === "terminating") phase = "Terminating";
  else if (alive) phase = record.stateSync && !(await stateSynced(record)) ? "Initializing" : "Running";
  else if (halt) {
    phase = "Halted";
    reason = `seid stopped for upgrade "${halt.upgrade}" at height ${halt.height}; it waits for the new binary`;
  } else {
    phase = "Failed";
    reason = !proc
      ? "seid was never started"
      : code === undefined
        ? `seid (pid ${proc.pid}) is not running and left no exit code (killed with its wrapper)`
        : code > 128
          ? `seid (pid ${proc.pid}) was killed by signal ${code - 128}`
          : `seid (pid ${proc.pid}) exited with code ${code}`;
  }
  return { record, proc, alive, exitCode: code, phase, reason, halt };
}

/**
 * seid's exit code once the wrapper has written it: right after seid dies the
 * wrapper shell may still be a few milliseconds from writing it, so wait for
 * it (briefly) while the wrapper lives.
 */
async function settledExitCode(proc: ProcRecord, exitFile: string): Promise<number | undefined> {
  for (let i = 0; i < 40; i++) {
    const code = await exitCode(exitFile);
    if (code !== undefined) return code;
    if (!(await isAlive({ ...proc, pid: proc.pgid }))) return exitCode(exitFile);
    await new Promise((r) => setTimeout(r, 25));
  }
  return undefined;
}

/**
 * A network's phase from its record and its validators and sentry: the record
 * says when it is still being made or removed, else the shared rule decides.
 */
export function networkPhase(
  record: NetworkRecord,
  nodes: readonly NodeView[],
): { phase: NetworkPhase; reason?: string } {
  if (record.state === "initializing") return { phase: "Initializing" };
  if (record.state === "terminating") return { phase: "Terminating" };
  if (record.failure) return { phase: "Failed", reason: record.failure };
  return phaseOfMembers(
    nodes.map((n) => ({
      name: n.record.name,
      role: n.record.role,
      alive: n.alive,
      phase: n.phase,
      reason: n.reason,
    })),
  );
}

/** The part of a dead node's log, since its last start, that says why it died. */
export async function crashLog(store: StateStore, dead: NodeView): Promise<string> {
  const paths = store.nodePaths(dead.record.namespace, dead.record.name);
  return crashExcerpt(await runLog(paths.log, dead.proc?.logFrom));
}

/** The FailedError for a node or network that reached Failed (or Degraded), with the first dead node's log tail. */
export async function failure(
  kind: "node" | "network",
  name: string,
  phase: string,
  reason: string | undefined,
  dead: NodeView | undefined,
  store: StateStore,
): Promise<FailedError> {
  return nodeFailure(
    { kind, name, phase, reason },
    dead ? { exitCode: dead.exitCode, crashLog: await crashLog(store, dead) } : undefined,
  );
}
