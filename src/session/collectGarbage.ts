import { ownerAlive } from "./ownerAlive.js";
import { type ReapResult, reapSession } from "./reapSession.js";
import { listSessions, sessionsDir } from "./sessionStore.js";

/** What `collectGarbage` sweeps. */
export interface GcOptions {
  /** Only sessions of these modes (default: every mode). */
  modes?: readonly string[];
  /** Only sessions that began at least this long ago, ms. */
  olderThanMs?: number;
  /** Report what would be removed, remove nothing. */
  dryRun?: boolean;
  signal?: AbortSignal;
  /** Where sessions are recorded (default `$SEINET_SESSION_DIR`, else the XDG state dir). */
  dir?: string;
  now?: () => number;
}

/** One dead owner's session and what sweeping it removed. */
export interface SweptSession extends ReapResult {
  id: string;
  mode: string;
  pid: number;
  createdAt: string;
}

/** What a sweep found: the dead sessions it swept and how many live ones it left alone. */
export interface GcReport {
  swept: SweptSession[];
  live: number;
}

/**
 * Deletes what sessions whose owner process is gone made and did not release:
 * the watchdog's job, done again for when the watchdog itself died (a reboot,
 * an OOM kill). Networks made without a session, and released ones, are never
 * touched; neither is anything of a live session.
 *
 * @example
 * ```ts
 * import { collectGarbage } from "seinet";
 * const { swept } = await collectGarbage({ modes: ["local"], dryRun: true });
 * ```
 */
export async function collectGarbage(options: GcOptions = {}): Promise<GcReport> {
  const dir = options.dir ?? sessionsDir();
  const now = options.now ?? Date.now;
  const report: GcReport = { swept: [], live: 0 };
  for (const record of await listSessions(dir)) {
    if (options.modes && !options.modes.includes(record.mode)) continue;
    if (ownerAlive(record.pid, record.pidStart)) {
      report.live += 1;
      continue;
    }
    const age = now() - Date.parse(record.createdAt);
    if (options.olderThanMs !== undefined && !(age >= options.olderThanMs)) continue;
    const result = await reapSession(dir, record, { dryRun: options.dryRun, signal: options.signal });
    report.swept.push({
      id: record.id,
      mode: record.mode,
      pid: record.pid,
      createdAt: record.createdAt,
      ...result,
    });
  }
  return report;
}
