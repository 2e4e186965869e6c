// Checks that nothing of a deleted network is left: no seid process of the
// state dir, no record or home, no listener on the ports it had.
import assert from "node:assert/strict";
import { readFile, readdir, rm } from "node:fs/promises";
import { connect } from "node:net";
import { join } from "node:path";
import type { Client } from "../../src/index.js";

/** Processes whose command line and state (`/proc/<pid>/stat`'s letter) pass `accept`. */
export async function processesWhere(accept: (cmdline: string, state: string) => boolean): Promise<number[]> {
  const out: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    if (accept(cmdline, stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3)))
      out.push(Number(entry));
  }
  return out;
}

/** seid processes whose command line names a home under `stateDir`. */
export function seidProcessesUnder(stateDir: string): Promise<number[]> {
  return processesWhere(
    (cmdline, state) => state !== "Z" && cmdline.includes("seid") && cmdline.includes(stateDir),
  );
}

/** Node directories left in a state dir, across namespaces. */
export async function nodeDirsUnder(stateDir: string): Promise<string[]> {
  const out: string[] = [];
  for (const ns of await readdir(stateDir).catch(() => [] as string[])) {
    if (ns.startsWith(".")) continue;
    for (const node of await readdir(join(stateDir, ns, "nodes")).catch(() => [] as string[]))
      out.push(`${ns}/${node}`);
  }
  return out;
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Asserts no process, node dir or listener of `ports` remains. */
export async function assertNothingLeft(stateDir: string, ports: readonly number[] = []): Promise<void> {
  assert.deepEqual(await seidProcessesUnder(stateDir), [], "no seid process left");
  assert.deepEqual(await nodeDirsUnder(stateDir), [], "no node directory left");
  for (const port of ports) assert.equal(await listening(port), false, `port ${port} is free`);
}

/**
 * A test file's teardown: deletes every network its client left (with their
 * followers), closes the client, checks nothing is left, and removes the state dir.
 */
export async function deleteAllAndCheck(
  client: Client | undefined,
  stateDir: string | undefined,
): Promise<void> {
  for (const net of (await client?.listNetworks({ allNamespaces: true })) ?? [])
    await net.delete({ cascade: true });
  await client?.close();
  if (stateDir) {
    await assertNothingLeft(stateDir);
    await rm(stateDir, { recursive: true, force: true });
  }
}
