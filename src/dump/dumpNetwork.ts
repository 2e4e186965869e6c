import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import type { Client } from "../client/client.js";
import type { Network, Node } from "../client/handles.js";
import type { DumpOptions } from "../client/options.js";

export type { DumpOptions } from "../client/options.js";
import { sleep } from "../internal/sleep.js";
import { endpoint } from "../readiness/endpoint.js";
import { getJson } from "../readiness/http.js";
import { scrub } from "./scrub.js";

const run = promisify(execFile);

/** Last `n` lines of a node's log; a node that cannot say gets the reason instead. */
async function logTail(node: Node, n: number, signal?: AbortSignal): Promise<string> {
  const lines: string[] = [];
  try {
    for await (const line of node.logs({ tail: n, signal })) lines.push(line);
  } catch (err) {
    lines.push(`(log unavailable: ${(err as Error).message})`);
  }
  return `${lines.join("\n")}\n`;
}

/** `GET <rpc><path>`'s JSON, or `{ error }`: a dump records what a dead node answers too. */
async function probe(rpc: string | undefined, path: string, signal?: AbortSignal): Promise<unknown> {
  if (!rpc) return { error: "not served" };
  try {
    return await getJson(endpoint(rpc, path), { signal, requestTimeout: 3_000 });
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** Where a node's seid home is on this machine (local mode), if it says. */
const homeOf = (node: Node) => (node.object() as { home?: unknown } | undefined)?.home;

/**
 * Writes what a failing test run needs to be understood, for every node of a
 * network: its log tail, crash reason, `/status` and `/net_info`, its
 * config.toml, app.toml and genesis (local mode), heights sampled over a few
 * seconds, and the network's spec and seid version. Keys (node, validator,
 * test account) are never written.
 *
 * @example
 * ```ts
 * import { dumpNetwork, open } from "seinet";
 * const client = await open("local");
 * const path = await dumpNetwork(client, "devnet", { out: "dump.tgz" });
 * ```
 */
export async function dumpNetwork(client: Client, name: string, options: DumpOptions = {}): Promise<string> {
  const { signal } = options;
  const net = await client.getNetwork(name, { signal });
  const nodes = await client.listNodes({ network: name, namespace: net.namespace, signal });
  return writeDump(net, nodes, options);
}

/**
 * Writes the dump of `net` and its `nodes` (validators, sentry, followers):
 * what {@link dumpNetwork} and `Network.dump` share.
 */
export async function writeDump(
  net: Network,
  nodes: readonly Node[],
  options: DumpOptions = {},
): Promise<string> {
  const { signal } = options;
  const name = net.name;
  const out = options.out ?? `seinet-dump-${name}-${new Date().toISOString().replace(/[:.]/g, "-")}.tgz`;
  const tgz = out.endsWith(".tgz") || out.endsWith(".tar.gz");
  const root = tgz ? await mkdtemp(join(tmpdir(), "seinet-dump-")) : out;
  const dir = tgz ? join(root, basename(out).replace(/\.(tgz|tar\.gz)$/, "")) : root;
  try {
    await mkdir(dir, { recursive: true });
    const network = {
      name: net.name,
      namespace: net.namespace,
      chainId: net.chainId,
      phase: net.phase,
      tendermintRpc: net.tendermintRpc,
      object: net.object(),
    };
    await writeFile(join(dir, "network.json"), `${JSON.stringify(scrub(network), null, 2)}\n`);
    const heights: Record<string, (number | null)[]> = {};
    const sampleMs = options.sampleMs ?? 3_000;
    for (let t = 0; t <= sampleMs; t += 1_000) {
      for (const node of nodes) {
        const status = (await probe(node.tendermintRpc, "/status", signal)) as {
          sync_info?: { latest_block_height?: string };
          result?: { sync_info?: { latest_block_height?: string } };
        };
        const h = (status.sync_info ?? status.result?.sync_info)?.latest_block_height;
        heights[node.name] = [...(heights[node.name] ?? []), h === undefined ? null : Number(h)];
      }
      if (t < sampleMs) await sleep(1_000, signal, "sampling heights");
    }
    await writeFile(join(dir, "heights.json"), `${JSON.stringify(heights, null, 2)}\n`);
    for (const node of nodes) {
      const at = join(dir, "nodes", node.name);
      await mkdir(at, { recursive: true });
      const o = node.object() as { reason?: unknown; seid?: unknown } | undefined;
      const facts = { name: node.name, role: node.role, phase: node.phase, reason: o?.reason, seid: o?.seid };
      await writeFile(join(at, "node.json"), `${JSON.stringify(scrub({ ...facts, object: o }), null, 2)}\n`);
      await writeFile(join(at, "log-tail.txt"), await logTail(node, options.tailLines ?? 400, signal));
      for (const path of ["/status", "/net_info"]) {
        const answer = await probe(node.tendermintRpc, path, signal);
        await writeFile(join(at, `${path.slice(1)}.json`), `${JSON.stringify(answer, null, 2)}\n`);
      }
      const home = homeOf(node);
      if (typeof home === "string") {
        for (const file of ["config.toml", "app.toml", "genesis.json"]) {
          await copyFile(join(home, "config", file), join(at, file)).catch(() => {});
        }
      }
    }
    if (!tgz) return dir;
    await mkdir(dirname(out), { recursive: true });
    await run("tar", ["-czf", out, "-C", root, basename(dir)], { signal });
    return out;
  } finally {
    if (tgz) await rm(root, { recursive: true, force: true });
  }
}
