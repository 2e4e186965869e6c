import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { type Server, createServer } from "node:net";
import { after, describe, test } from "node:test";
import { PORT_NAMES, portList } from "../../chain/ports.js";
import { InfraError } from "../../errors/infra.js";
import { allocatePorts } from "./allocatePorts.js";

const LOW = 20_000;

/** The range allocatePorts scans: from 20000 to the start of the ephemeral range. */
async function scanRange(): Promise<[number, number]> {
  const text = await readFile("/proc/sys/net/ipv4/ip_local_port_range", "utf8").catch(() => "");
  const start = Number(text.trim().split(/\s+/)[0]);
  return [LOW, Number.isInteger(start) && start > LOW + 1000 ? start : 32_768];
}

const servers: Server[] = [];
after(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

/** Listens on `port` (0.0.0.0 unless told); false when something else has it. */
function listen(port: number, host = "0.0.0.0"): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(undefined));
    server.listen({ port, host, exclusive: true }, () => {
      servers.push(server);
      resolve(server);
    });
  });
}

async function canBind(port: number): Promise<boolean> {
  const server = await listen(port);
  if (!server) return false;
  servers.splice(servers.indexOf(server), 1);
  await new Promise((resolve) => server.close(resolve));
  return true;
}

/** Every port of the range except `open`: forces the scan onto the ports a test picks. */
function reserveAllBut(low: number, high: number, open: readonly number[]): Set<number> {
  const keep = new Set(open);
  const reserved = new Set<number>();
  for (let p = low; p < high; p++) if (!keep.has(p)) reserved.add(p);
  return reserved;
}

/** `n` ports in the upper part of the range that nothing listens on now. */
async function freePortsInRange(n: number, high: number): Promise<number[]> {
  const out: number[] = [];
  for (let p = high - 1 - Math.floor(Math.random() * 500); out.length < n && p > LOW; p--) {
    if (await canBind(p)) out.push(p);
  }
  return out;
}

describe("allocatePorts", () => {
  test("default: distinct ports for every node, all below the ephemeral range", async () => {
    const [low, high] = await scanRange();
    const nodes = await allocatePorts(4, new Set());
    assert.equal(nodes.length, 4);
    const all = nodes.flatMap(portList);
    assert.equal(all.length, 4 * PORT_NAMES.length);
    assert.equal(new Set(all).size, all.length);
    for (const port of all) assert.ok(port >= low && port < high, `${port} in [${low}, ${high})`);
    for (const node of nodes) assert.deepEqual(Object.keys(node).sort(), [...PORT_NAMES].sort());
  });

  test("behavior: zero nodes is an empty list", async () => {
    assert.deepEqual(await allocatePorts(0, new Set()), []);
  });

  test("behavior: reserved ports are never handed out", async () => {
    const [low, high] = await scanRange();
    const open = await freePortsInRange(PORT_NAMES.length * 2, high);
    const reserved = reserveAllBut(low, high, open);
    const nodes = await allocatePorts(2, reserved);
    const all = nodes.flatMap(portList);
    assert.deepEqual([...all].sort(), [...open].sort());
    for (const port of all) assert.equal(reserved.has(port), false);
  });

  test("behavior: a port something listens on is skipped", async () => {
    const [low, high] = await scanRange();
    const open = await freePortsInRange(PORT_NAMES.length + 2, high);
    const [busyAny, busyLoopback, ...rest] = open as [number, number, ...number[]];
    assert.ok(await listen(busyAny, "0.0.0.0"));
    assert.ok(await listen(busyLoopback, "127.0.0.1"));
    const [node] = await allocatePorts(1, reserveAllBut(low, high, open));
    assert.ok(node);
    assert.deepEqual(portList(node).sort(), [...rest].sort());
  });

  test("error: too few free ports is an InfraError naming the range", async () => {
    const [low, high] = await scanRange();
    const open = await freePortsInRange(PORT_NAMES.length - 1, high);
    await assert.rejects(
      allocatePorts(1, reserveAllBut(low, high, open)),
      (err: unknown) =>
        err instanceof InfraError &&
        err.message.startsWith(`No ${PORT_NAMES.length} free ports between ${low} and ${high}`),
    );
  });
});
