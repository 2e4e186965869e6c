import { spawn } from "node:child_process";
import { closeSync, fstatSync, openSync } from "node:fs";
import { readFile, readdir, rm } from "node:fs/promises";
import { setTimeout as delay } from "node:timers/promises";
import { InfraError } from "../../errors/infra.js";
import { logger } from "../../internal/debug.js";
import type { ProcRecord } from "./records.js";

const log = logger("local");

/**
 * The wrapper every seid runs under: seid in the background of a small shell
 * in its own process group, so the group can be signalled as one, seid's pid
 * is known (`$1.pid`) and its exit code is recorded (`$1`) even when the
 * process that started it has long exited.
 */
const WRAPPER = 'f=$1; shift; "$@" & p=$!; echo $p > "$f.pid"; wait $p; echo $? > "$f"';

/** How long seid gets to exit on SIGTERM when it is started again on the same home (its data must stay sound). */
export const RESTART_GRACE_MS = 15_000;

/** Options of {@link startSeid}. */
export interface StartSeidOptions {
  seid: string;
  home: string;
  logFile: string;
  exitFile: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Starts `seid start --home <home>` detached from this process, its output
 * appended to the node's log. Resolves once seid's pid is known.
 */
export async function startSeid(options: StartSeidOptions): Promise<ProcRecord> {
  await rm(options.exitFile, { force: true });
  await rm(`${options.exitFile}.pid`, { force: true });
  const out = openSync(options.logFile, "a");
  const logFrom = fstatSync(out).size;
  let pgid: number | undefined;
  try {
    const child = spawn(
      "/bin/sh",
      ["-c", WRAPPER, "seinet-seid", options.exitFile, options.seid, "start", "--home", options.home],
      { detached: true, stdio: ["ignore", out, out], env: options.env ?? process.env },
    );
    child.unref();
    pgid = child.pid;
    if (!pgid) throw new InfraError(`Cannot start ${options.seid}.`);
  } finally {
    closeSync(out);
  }
  for (let i = 0; i < 200; i++) {
    const text = await readFile(`${options.exitFile}.pid`, "utf8").catch(() => "");
    const pid = Number.parseInt(text, 10);
    if (pid > 0) {
      log("started seid pid %d (group %d) for %s", pid, pgid, options.home);
      return { pgid, pid, startedAt: new Date().toISOString(), logFrom };
    }
    await delay(10);
  }
  killGroup(pgid, "SIGKILL");
  throw new InfraError(`seid did not start within 2 s (home ${options.home}).`);
}

/** Signals a node's whole process group (the wrapper shell and seid); a gone group is ignored. */
export function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {}
}

/** Linux `/proc/<pid>/stat`: state and process group, or undefined when gone. */
async function procStat(pid: number): Promise<{ state: string; pgrp: number } | undefined> {
  try {
    const text = await readFile(`/proc/${pid}/stat`, "utf8");
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0] ?? "", pgrp: Number(fields[2]) };
  } catch {
    return undefined;
  }
}

/**
 * Whether the recorded seid still runs: its pid exists, is not a zombie, and
 * still belongs to the recorded group (a reused pid does not).
 */
export async function isAlive(proc: ProcRecord): Promise<boolean> {
  const stat = await procStat(proc.pid);
  if (stat) return stat.state !== "Z" && stat.pgrp === proc.pgid;
  try {
    process.kill(proc.pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** seid's exit code as the wrapper recorded it; undefined when the wrapper died with it. */
export async function exitCode(exitFile: string): Promise<number | undefined> {
  const text = await readFile(exitFile, "utf8").catch(() => "");
  const code = Number.parseInt(text, 10);
  return Number.isInteger(code) ? code : undefined;
}

/**
 * Stops a node's process group: SIGTERM, up to `graceMs` for seid to exit,
 * then SIGKILL. Resolves once seid is gone, so its ports are free.
 */
export async function stopSeid(proc: ProcRecord, graceMs: number): Promise<void> {
  if (!(await isAlive(proc))) {
    killGroup(proc.pgid, "SIGKILL");
    return;
  }
  killGroup(proc.pgid, "SIGTERM");
  // A paused (SIGSTOPped) seid handles SIGTERM only once it runs again.
  killGroup(proc.pgid, "SIGCONT");
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!(await isAlive(proc))) return;
    await delay(25);
  }
  log("seid pid %d ignored SIGTERM for %d ms; SIGKILL", proc.pid, graceMs);
  killGroup(proc.pgid, "SIGKILL");
  for (let i = 0; i < 200 && (await isAlive(proc)); i++) await delay(25);
}

/** True once every thread of `pid` is stopped (or the process is gone). */
async function allThreadsStopped(pid: number): Promise<boolean> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  for (const tid of tasks) {
    const text = await readFile(`/proc/${pid}/task/${tid}/stat`, "utf8").catch(() => "");
    const state = text.slice(text.lastIndexOf(")") + 2, text.lastIndexOf(")") + 3);
    if (state !== "" && state !== "T" && state !== "t" && state !== "Z" && state !== "X") return false;
  }
  return true;
}

/**
 * Stops a node's process group where it is (SIGSTOP) and resolves true once
 * every seid thread has stopped: what is on disk then stays as it is until
 * {@link thawSeid} or {@link killSeidNow}. False when a thread is still busy
 * after `boundMs` (one in uninterruptible I/O stops only when it returns);
 * the group stays signalled either way.
 */
export async function freezeSeid(proc: ProcRecord, boundMs = 1000): Promise<boolean> {
  killGroup(proc.pgid, "SIGSTOP");
  const until = Date.now() + boundMs;
  do {
    if (await allThreadsStopped(proc.pid)) return true;
    await delay(5);
  } while (Date.now() < until);
  return false;
}

/** Lets a node frozen by {@link freezeSeid} run again. */
export function thawSeid(proc: ProcRecord): void {
  killGroup(proc.pgid, "SIGCONT");
}

/**
 * Ends a node at once, frozen or running (SIGKILL: it runs no further
 * instruction, so a frozen one signs nothing after its state was read), and
 * resolves once it is gone.
 */
export async function killSeidNow(proc: ProcRecord): Promise<void> {
  killGroup(proc.pgid, "SIGKILL");
  for (let i = 0; i < 400 && (await isAlive(proc)); i++) await delay(10);
}
