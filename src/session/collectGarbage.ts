import type { Client } from "../client/client.js";
import type { OpenOptions } from "../client/provider.js";
import { open } from "../registry/open.js";
import { ownerAlive } from "./ownerAlive.js";
import { reapEntries } from "./reapEntries.js";
import { type ReapResult, reapSession } from "./reapSession.js";
import { listSessions, sessionsDir } from "./sessionStore.js";

/** What `collectGarbage` sweeps. */
export interface GcOptions {
  /**
   * Only sessions of these modes (default: every session recorded on this
   * machine). Naming `k8s` also sweeps the cluster's expired session Leases,
   * whoever's machine made them.
   */
  modes?: readonly string[];
  /** How to reach the cluster for `k8s` (kubeconfig, context, namespace; default the standard chain). */
  k8s?: Pick<OpenOptions, "kubeconfig" | "context" | "namespace">;
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
  /** k8s: the Lease's holder, `<host>/<pid>` (the owner may have been on another machine). */
  holder?: string;
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
  const local = new Set<string>();
  for (const record of await listSessions(dir)) {
    local.add(record.id);
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
  if (options.modes?.includes("k8s")) {
    const client = await open("k8s", { ...options.k8s, signal: options.signal });
    try {
      await sweepLeases(client, options, now(), report, local);
    } finally {
      await client.close();
    }
  }
  return report;
}

/** The cluster's side of a sweep: sessions whose Lease expired, from any machine. */
async function sweepLeases(
  client: Client,
  options: GcOptions,
  now: number,
  report: GcReport,
  seen: ReadonlySet<string>,
): Promise<void> {
  for (const session of await client.remoteSessions({ signal: options.signal })) {
    // A session recorded on this machine was judged above, by its owner process.
    if (seen.has(session.id)) continue;
    if (!session.expired) {
      report.live += 1;
      continue;
    }
    const age = now - Date.parse(session.acquiredAt);
    if (options.olderThanMs !== undefined && !(age >= options.olderThanMs)) continue;
    const result = options.dryRun
      ? { removed: session.entries, failed: [] }
      : await reapEntries(client, session.entries, options.signal);
    if (!options.dryRun && result.failed.length === 0) await client.forgetSession(session.id, options);
    report.swept.push({
      id: session.id,
      mode: "k8s",
      pid: Number(session.holder.split("/").at(-1)) || 0,
      holder: session.holder,
      createdAt: session.acquiredAt,
      ...result,
    });
  }
}
