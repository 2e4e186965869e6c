// Child processes for the test cluster: output goes to a log file, exits are
// observable, stop() is SIGTERM -> wait -> SIGKILL, and every child is
// SIGKILLed if the test process exits (or is signalled) without stopping it.
import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync, closeSync, createWriteStream, openSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { onProcessExit } from "./exitHooks.js";

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number | undefined;
  readonly logPath: string;
  /** Resolves when the process has exited (never rejects). */
  readonly exited: Promise<Exit>;
  /** Current exit, or undefined while it runs. */
  exit(): Exit | undefined;
  /** The last `lines` lines of the log file. */
  tail(lines?: number): string;
  /** SIGTERM, wait up to graceMs, then SIGKILL; resolves once reaped. Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

export function tailFile(path: string, lines = 30): string {
  try {
    const text = readFileSync(path, "utf8").trimEnd();
    return text.split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/**
 * `unshare` arguments that run `script` (`sh -c`, with `$0`, `$1`… from
 * `args`) in a private mount namespace of its own: what it mounts there (a
 * token, a hosts file) is seen by that process alone. Needs root.
 */
export function inOwnMounts(script: string, args: string[]): string[] {
  return ["--mount", "--propagation", "private", "--", "/bin/sh", "-c", script, ...args];
}

export function describeExit(exit: Exit): string {
  return exit.signal !== null ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}

/**
 * `env` is added to the parent's environment. With `cri`, the log file is in
 * the container runtime's format (`<RFC 3339 time> <stream> F <line>`), which
 * a kubelet's log endpoint (KWOK's too) reads.
 */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  logPath: string,
  env?: Record<string, string>,
  options: { cri?: boolean } = {},
): ManagedProcess {
  let child: ChildProcess;
  let drained: Promise<unknown> = Promise.resolve();
  if (options.cri) {
    child = spawn(command, args, {
      stdio: ["ignore", "pipe", "pipe"],
      ...(env ? { env: { ...process.env, ...env } } : {}),
    });
    drained = criLog(child, logPath);
  } else {
    const fd = openSync(logPath, "a");
    try {
      child = spawn(command, args, {
        stdio: ["ignore", fd, fd],
        ...(env ? { env: { ...process.env, ...env } } : {}),
      });
    } finally {
      closeSync(fd);
    }
  }
  const unhook = onProcessExit(() => {
    child.kill("SIGKILL");
  });
  let current: Exit | undefined;
  const exited = new Promise<Exit>((resolve) => {
    child.once("exit", (code, signal) => {
      unhook();
      // Every line the process wrote is in its log before its exit is seen.
      void drained.finally(() => {
        current = { code, signal };
        resolve(current);
      });
    });
    child.once("error", (err) => {
      // spawn failure (ENOENT, EACCES): no 'exit' follows.
      if (current !== undefined) return;
      current = { code: null, signal: null };
      unhook();
      tailAppend(logPath, `${name}: spawn failed: ${err.message}`);
      resolve(current);
    });
  });
  let stopping: Promise<void> | undefined;
  return {
    name,
    pid: child.pid,
    logPath,
    exited,
    exit: () => current,
    tail: (lines) => tailFile(logPath, lines),
    stop(graceMs = 5000) {
      stopping ??= (async () => {
        if (current !== undefined) return;
        child.kill("SIGTERM");
        let timer: NodeJS.Timeout | undefined;
        const timedOut = await Promise.race([
          exited.then(() => false),
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(true), graceMs);
          }),
        ]);
        clearTimeout(timer);
        if (timedOut) {
          child.kill("SIGKILL");
          await exited;
        }
      })();
      return stopping;
    },
  };
}

/** Copies the child's stdout and stderr into `path`, one CRI log line per line; resolves when both end. */
function criLog(child: ChildProcess, path: string): Promise<unknown> {
  const file = createWriteStream(path, { flags: "a" });
  const copy = (stream: Readable | null, name: "stdout" | "stderr") =>
    stream
      ? (async () => {
          for await (const line of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
            file.write(`${new Date().toISOString()} ${name} F ${line}\n`);
          }
        })()
      : Promise.resolve();
  return Promise.allSettled([copy(child.stdout, "stdout"), copy(child.stderr, "stderr")]).then(
    () => new Promise<void>((resolve) => file.end(resolve)),
  );
}

function tailAppend(path: string, line: string): void {
  try {
    appendFileSync(path, `${line}\n`);
  } catch {
    // best effort
  }
}
