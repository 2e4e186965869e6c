/** A network or node a session made. */
export interface SessionEntry {
  kind: "network" | "node";
  name: string;
  namespace: string;
}

/**
 * A session as a mode records it in its own runtime, where any machine that
 * can reach the runtime sees it (k8s: a Lease the owner renews). The local
 * record and watchdog reap a session on the owner's machine; this is how
 * `seinet gc` elsewhere tells a live session from a dead one.
 */
export interface RemoteSession {
  id: string;
  /** Who holds it: `<host>/<pid>`. */
  holder: string;
  /** ISO time the owner last renewed it. */
  renewedAt: string;
  /** ISO time it was taken. */
  acquiredAt: string;
  /** Not renewed for longer than its duration: the owner is gone. */
  expired: boolean;
  /** What it made and has not released: what a sweep deletes. */
  entries: SessionEntry[];
}

/** The owner's side of a remote session: kept current while the owner lives. */
export interface SessionHold {
  /** Records what the session made and has not released. */
  update(entries: readonly SessionEntry[], signal?: AbortSignal): Promise<void>;
}

/** A mode's sessions in its own runtime; modes without one rely on the local record alone. */
export interface SessionSupport {
  /** Takes session `id` for this process and renews it until the process ends. */
  hold(id: string, signal?: AbortSignal): Promise<SessionHold>;
  /** Every session recorded in the runtime's namespace, live or not. */
  list(signal?: AbortSignal): Promise<RemoteSession[]>;
  /** Removes a session's record once what it made is gone; a missing one is success. */
  drop(id: string, signal?: AbortSignal): Promise<void>;
}
