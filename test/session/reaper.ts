// Shared by the per-mode reaper tests: start the harness, wait for its line,
// `kill -9` it, and time until `gone()` says nothing of it is left.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { listening } from "../local/leftovers.js";

const harness = fileURLToPath(new URL("./harness.ts", import.meta.url));

/** What the harness made. */
export interface Made {
  session: string;
  ports: number[];
}

/** Starts the harness and resolves with what it made once its network is ready. */
export function startHarness(
  args: string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; made: Promise<Made> } {
  const child = spawn(process.execPath, ["--import", "tsx", harness, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const made = new Promise<Made>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once("line", (line) =>
      resolve(JSON.parse(line) as Made),
    );
    child.once("exit", (code) => reject(new Error(`harness exited ${code} before its network was ready`)));
  });
  return { child, made };
}

/** SIGKILLs the harness and returns ms until `leftovers()` is empty (polled every 100 ms, bound `limitMs`). */
export async function killAndTime(
  child: ChildProcess,
  leftovers: () => Promise<string[]>,
  limitMs: number,
): Promise<number> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const killed = performance.now();
  child.kill("SIGKILL");
  await exited;
  let left: string[] = [];
  while (performance.now() - killed < limitMs + 20_000) {
    left = await leftovers();
    if (left.length === 0) return performance.now() - killed;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`left after ${limitMs} ms: ${left.join(", ")}`);
}

/** What of a session is left in every mode: a listening port of its nodes, its record. */
export async function sessionLeftovers(ports: readonly number[], sessionDir: string): Promise<string[]> {
  const open = await Promise.all(ports.map(async (p) => ((await listening(p)) ? [`port ${p}`] : [])));
  return [...open.flat(), ...(await readdir(sessionDir)).map((f) => `session ${f}`)];
}
