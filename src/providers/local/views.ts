import { crashExcerpt } from "../../chain/crashExcerpt.js";
import { scheduledHalt } from "../../chain/scheduledHalt.js";
import { FailedError } from "../../errors/failed.js";
import type { NetworkPhase, NodePhase } from "../../specs/types.js";
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

/** x/upgrade's panic at a scheduled height: `UPGRADE "v6.6" NEEDED at height: 123`. */
/**
 * A network's phase from its validators: all running is Ready; more than two
 * thirds of the voting power running is Degraded (blocks still come); less is
 * Failed (consensus has stopped). A dead sentry degrades a lone validator's network. Nodes that
 * stopped at a scheduled upgrade pause it.
 */
export function networkPhase(
  record: NetworkRecord,
  nodes: readonly NodeView[],
): { phase: NetworkPhase; reason?: string } {
  if (record.state === "initializing") return { phase: "Initializing" };
  if (record.state === "terminating") return { phase: "Terminating" };
  const validators = nodes.filter((n) => n.record.role === "validator");
  const down = nodes.filter((n) => !n.alive);
  if (down.length === 0) return { phase: "Ready" };
  if (down.every((n) => n.phase === "Halted")) {
    // Stopped at a scheduled upgrade: paused until the nodes run the new binary.
    return { phase: "Paused", reason: down.map((n) => `${n.record.name}: ${n.reason}`).join("; ") };
  }
  const describe = down.map((n) => `${n.record.name}: ${n.reason}`).join("; ");
  const live = validators.filter((n) => n.alive).length;
  if (live * 3 > validators.length * 2) return { phase: "Degraded", reason: describe };
  return { phase: "Failed", reason: describe };
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
  const logTailText = dead
    ? crashExcerpt(
        await runLog(store.nodePaths(dead.record.namespace, dead.record.name).log, dead.proc?.logFrom),
      )
    : undefined;
  return new FailedError(`${kind === "node" ? "Node" : "Network"} "${name}" is ${phase}.`, {
    resource: `${kind}/${name}`,
    phase,
    reason,
    exitCode: dead?.exitCode,
    logTail: logTailText || undefined,
  });
}
