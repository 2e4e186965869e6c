import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { SessionHold } from "../client/remoteSession.js";
import { LABEL_SESSION } from "../labels.js";
import { processStartTime } from "./ownerAlive.js";
import {
  type SessionEntry,
  type SessionRecord,
  removeSession,
  sessionsDir,
  unreleased,
  writeSession,
} from "./sessionStore.js";

/** How the watchdog runs: the compiled .js, or the .ts source through tsx (tests). */
function watchdogCommand(): string[] {
  const fromSource = import.meta.url.endsWith(".ts");
  const script = fileURLToPath(new URL(`./watchdog.${fromSource ? "ts" : "js"}`, import.meta.url));
  return fromSource ? ["--import", import.meta.resolve("tsx"), script] : [script];
}

const same = (a: SessionEntry, b: SessionEntry) =>
  a.kind === b.kind && a.name === b.name && a.namespace === b.namespace;

/**
 * What this process makes inside a session: a network or node recorded here
 * is deleted by the session's watchdog at most a few seconds after this
 * process dies, however it dies. Opened by `open(mode, { session: true })`.
 */
export class Session {
  readonly id: string;
  readonly #dir: string;
  readonly #record: SessionRecord;
  #writes: Promise<void> = Promise.resolve();
  #remote: SessionHold | undefined;

  private constructor(dir: string, record: SessionRecord) {
    this.#dir = dir;
    this.#record = record;
    this.id = record.id;
  }

  /** Records a new session owned by this process and starts its watchdog. */
  static async open(mode: string, open: SessionRecord["open"], env = process.env): Promise<Session> {
    const dir = sessionsDir(env);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const record: SessionRecord = {
      id: randomBytes(6).toString("hex"),
      pid: process.pid,
      pidStart: processStartTime(process.pid),
      mode,
      open,
      createdAt: new Date().toISOString(),
      entries: [],
      released: [],
    };
    await writeSession(dir, record);
    const watchdog = spawn(process.execPath, [...watchdogCommand(), dir, record.id], {
      detached: true,
      stdio: "ignore",
      env,
    });
    watchdog.unref();
    return new Session(dir, record);
  }

  /**
   * Keeps the session's record in the mode's runtime too (k8s: a Lease),
   * current from now on, so another machine can tell whether it lives.
   */
  attach(remote: SessionHold): void {
    this.#remote = remote;
  }

  /** Namespace of entries whose spec names none: the client's default. */
  get defaultNamespace(): string {
    return this.#record.open.namespace || "default";
  }

  /** The label that marks what this session made (public: an id, not a secret). */
  get labels(): Record<string, string> {
    return { [LABEL_SESSION]: this.id };
  }

  /**
   * Records an entry before it is made, so a death mid-creation still reaps
   * it. Resolves true when the entry is new to this session.
   */
  async track(entry: SessionEntry): Promise<boolean> {
    const fresh = !this.#record.entries.some((e) => same(e, entry));
    if (fresh) this.#record.entries.push(entry);
    await this.#save();
    return fresh;
  }

  /**
   * Forgets an entry whose creation found the name taken: what holds that
   * name is someone else's, and the reaper must never delete it.
   */
  untrack(entry: SessionEntry): Promise<void> {
    this.#record.entries = this.#record.entries.filter((e) => !same(e, entry));
    return this.#save();
  }

  /** Hands an entry over to the caller: the reaper and `seinet gc` leave it alone from now on. */
  release(entry: SessionEntry): Promise<void> {
    if (!this.#record.released.some((e) => same(e, entry))) this.#record.released.push(entry);
    return this.#save();
  }

  /** Ends a session that made nothing: its record goes, so its watchdog exits. */
  async end(): Promise<void> {
    await this.#writes.catch(() => {});
    await removeSession(this.#dir, this.id);
  }

  /** Releases everything recorded so far. */
  async releaseAll(): Promise<void> {
    for (const entry of this.#record.entries) await this.release(entry);
  }

  #save(): Promise<void> {
    const snapshot = structuredClone(this.#record);
    const remote = this.#remote;
    this.#writes = this.#writes.then(async () => {
      await writeSession(this.#dir, snapshot);
      await remote?.update(unreleased(snapshot));
    });
    return this.#writes;
  }
}
