import { readFile, readdir, rm } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import type { SessionEntry } from "../client/remoteSession.js";
import { atomicWrite } from "../internal/atomicWrite.js";

export type { SessionEntry } from "../client/remoteSession.js";

/**
 * A session on disk: who owns it and what it made. The record is the truth a
 * reaper and `seinet gc` act on: while it exists and its owner is dead, its
 * entries (but not the released ones) are deleted; once it is gone, nothing
 * of it is touched again.
 */
export interface SessionRecord {
  id: string;
  /** The owner process and its start time (`/proc/<pid>/stat`), so a reused pid is not taken for it. */
  pid: number;
  pidStart: string | null;
  mode: string;
  /** How the reaper opens the mode again: the owner's state dir and namespace (k8s: kubeconfig and context). */
  open: { stateDir?: string; namespace?: string; kubeconfig?: string; context?: string };
  createdAt: string;
  entries: SessionEntry[];
  /** Entries handed over to the caller (`seinet up` once it succeeded): never reaped. */
  released: SessionEntry[];
}

/** `$SEINET_SESSION_DIR`, else `$XDG_STATE_HOME/seinet/sessions`, else `~/.local/state/seinet/sessions`. */
export function sessionsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SEINET_SESSION_DIR) return env.SEINET_SESSION_DIR;
  return join(env.XDG_STATE_HOME || join(homedir(), ".local", "state"), "seinet", "sessions");
}

const file = (dir: string, id: string) => join(dir, `${id}.json`);

/** Writes a session's record whole (atomically: a reaper never reads half of it). */
export async function writeSession(dir: string, record: SessionRecord): Promise<void> {
  await atomicWrite(file(dir, record.id), `${JSON.stringify(record, null, 2)}\n`);
}

/** A session's record, or undefined once it is gone. */
export async function readSession(dir: string, id: string): Promise<SessionRecord | undefined> {
  try {
    return JSON.parse(await readFile(file(dir, id), "utf8")) as SessionRecord;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

export async function removeSession(dir: string, id: string): Promise<void> {
  await rm(file(dir, id), { force: true });
}

/** Every session recorded in `dir`. */
export async function listSessions(dir: string): Promise<SessionRecord[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const records = await Promise.all(
    names.filter((n) => n.endsWith(".json")).map((n) => readSession(dir, n.slice(0, -".json".length))),
  );
  return records.filter((r): r is SessionRecord => r !== undefined);
}

/** The entries a reaper deletes: made and not released. */
export function unreleased(record: SessionRecord): SessionEntry[] {
  const key = (e: SessionEntry) => `${e.kind}/${e.namespace}/${e.name}`;
  const released = new Set(record.released.map(key));
  return record.entries.filter((e) => !released.has(key(e)));
}
