// Runs the seinet CLI from source as a child process, as a user would, and
// reads what it leaves in a local state dir.
import { type ChildProcess, spawn } from "node:child_process";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { repoRoot } from "../local/seid.js";

/** A finished CLI run. */
export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A CLI run in progress. */
export interface Running {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when stderr (progress) matches; rejects if the run ends first or the signal aborts. */
  waitForStderr(pattern: RegExp, signal: AbortSignal): Promise<void>;
  done: Promise<Run>;
}

/** Environment for the CLI: the caller's (seid bundle included), one state dir, no SEI_* mode variable. */
export function cliEnv(stateDir: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("SEI_")));
  // Warm templates `up` keeps go beside the state, never into the user's cache.
  return {
    ...env,
    NODE_OPTIONS: "",
    SEINET_STATE_DIR: stateDir,
    SEINET_TEMPLATE_DIR: `${stateDir}/.templates`,
  };
}

/** Starts `seinet <args>`; killed with SIGKILL if `signal` aborts first. */
export function startCli(args: string[], env: NodeJS.ProcessEnv, signal: AbortSignal): Running {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (d: Buffer) => {
    out += d.toString("utf8");
  });
  child.stderr?.on("data", (d: Buffer) => {
    err += d.toString("utf8");
  });
  const kill = () => child.kill("SIGKILL");
  signal.addEventListener("abort", kill, { once: true });
  const done = new Promise<Run>((resolve) => {
    child.on("close", (code, sig) => {
      signal.removeEventListener("abort", kill);
      resolve({ code, signal: sig, stdout: out, stderr: err });
    });
  });
  const waitForStderr = (pattern: RegExp, wait: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(err)) finish(resolve);
      };
      const ended = () => finish(() => reject(new Error(`seinet ${args.join(" ")} ended first:\n${err}`)));
      const aborted = () => finish(() => reject(new Error(`no ${pattern} on stderr in time:\n${err}`)));
      const finish = (then: () => void) => {
        child.stderr?.off("data", check);
        child.off("close", ended);
        wait.removeEventListener("abort", aborted);
        then();
      };
      child.stderr?.on("data", check);
      child.once("close", ended);
      wait.addEventListener("abort", aborted, { once: true });
      check();
    });
  return { child, stdout: () => out, stderr: () => err, waitForStderr, done };
}

/** Runs `seinet <args>` to completion within `timeoutMs`. */
export function cli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<Run> {
  return startCli(args, env, AbortSignal.timeout(timeoutMs)).done;
}

/** The seid pids recorded in a state dir (every namespace, every node). */
export async function recordedPids(stateDir: string): Promise<number[]> {
  const pids: number[] = [];
  for (const ns of await readdir(stateDir).catch(() => [] as string[])) {
    for (const node of await nodeDirs(stateDir, ns)) {
      const text = await readFile(join(stateDir, ns, "nodes", node, "proc.json"), "utf8").catch(() => "");
      if (text) pids.push((JSON.parse(text) as { pid: number }).pid);
    }
  }
  return pids;
}

/** Node directories left in one namespace of a state dir. */
export async function nodeDirs(stateDir: string, ns = "default"): Promise<string[]> {
  return readdir(join(stateDir, ns, "nodes")).catch(() => []);
}

/** Network records left in one namespace of a state dir. */
export async function networkFiles(stateDir: string, ns = "default"): Promise<string[]> {
  return readdir(join(stateDir, ns, "networks")).catch(() => []);
}

/** True while `pid` runs (a zombie, or a pid gone from /proc, is not running). */
export async function running(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  if (!stat) return false;
  return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
}
