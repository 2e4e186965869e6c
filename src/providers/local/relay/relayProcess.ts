import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { setTimeout as delay } from "node:timers/promises";
import { InfraError } from "../../../errors/infra.js";
import { logger } from "../../../internal/debug.js";
import { toxiproxy } from "./toxiproxyApi.js";

const log = logger("local");

/** How long a new relay gets to answer its API. */
const START_MS = 10_000;

/** A network's relay as recorded on disk: the process to reap and the API to call. */
export interface RelayRecord {
  binary: string;
  /** Toxiproxy's API port on 127.0.0.1. */
  apiPort: number;
  /** Its pid, which is also its process group. */
  pid?: number;
  logFile: string;
}

/** Whether a relay process still runs. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the relay detached from this process (networks outlive it), in its
 * own process group, and resolves once its API answers. Returns its pid.
 */
export async function startRelay(relay: RelayRecord, signal?: AbortSignal): Promise<number> {
  const out = openSync(relay.logFile, "a");
  let pid: number | undefined;
  try {
    const child = spawn(relay.binary, ["-host", "127.0.0.1", "-port", String(relay.apiPort)], {
      detached: true,
      stdio: ["ignore", out, out],
      env: { ...process.env, LOG_LEVEL: "warn" },
    });
    child.on("error", () => {});
    child.unref();
    pid = child.pid;
  } finally {
    closeSync(out);
  }
  if (!pid) throw new InfraError(`Cannot start the P2P relay ${relay.binary}.`);
  const deadline = Date.now() + START_MS;
  while (Date.now() < deadline && alive(pid)) {
    signal?.throwIfAborted();
    const up = await toxiproxy(relay.apiPort, "GET", "/version", { signal }).then(
      () => true,
      () => false,
    );
    if (up) {
      log("relay pid %d answers on port %d", pid, relay.apiPort);
      return pid;
    }
    await delay(50);
  }
  await stopRelay({ ...relay, pid });
  const tail = (await readFile(relay.logFile, "utf8").catch(() => "")).slice(-2000);
  throw new InfraError(`The P2P relay did not answer on port ${relay.apiPort} within ${START_MS / 1000} s.`, {
    metaMessages: tail ? [tail] : [],
  });
}

/** Stops the relay's process group (SIGTERM, a short grace, SIGKILL); a gone relay is success. */
export async function stopRelay(relay: RelayRecord): Promise<void> {
  const { pid } = relay;
  if (!pid || !alive(pid)) return;
  const group = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {}
  };
  group("SIGTERM");
  for (let i = 0; i < 40 && alive(pid); i++) await delay(25);
  if (alive(pid)) group("SIGKILL");
  for (let i = 0; i < 40 && alive(pid); i++) await delay(25);
}
