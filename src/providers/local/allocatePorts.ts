import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { type NodePorts, PORT_NAMES } from "../../chain/ports.js";
import { InfraError } from "../../errors/infra.js";

/** Lowest port handed out; the top is the start of the kernel's ephemeral range. */
const LOW = 20_000;

/** Ports below the ephemeral range: an outgoing connection can never take one between choice and bind. */
async function range(): Promise<[number, number]> {
  try {
    const text = await readFile("/proc/sys/net/ipv4/ip_local_port_range", "utf8");
    const start = Number(text.trim().split(/\s+/)[0]);
    if (Number.isInteger(start) && start > LOW + 1000) return [LOW, start];
  } catch {}
  return [LOW, 32_768];
}

/** True when nothing listens on `port` on any interface (EVM binds 0.0.0.0). */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "0.0.0.0", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Picks `count` free ports, skipping every port another seinet node or relay
 * has recorded (running or not) and any port something already listens on.
 * The caller holds the state lock, so two processes never pick the same port.
 */
export async function freePorts(count: number, reserved: ReadonlySet<number>): Promise<number[]> {
  const [low, high] = await range();
  const span = high - low;
  const chosen: number[] = [];
  const start = Math.floor(Math.random() * span);
  for (let i = 0; i < span && chosen.length < count; i++) {
    const port = low + ((start + i) % span);
    if (reserved.has(port)) continue;
    if (await isFree(port)) chosen.push(port);
  }
  if (chosen.length < count) {
    throw new InfraError(`No ${count} free ports between ${low} and ${high} on this machine.`);
  }
  return chosen;
}

/** Picks free ports for `count` nodes; see {@link freePorts}. */
export async function allocatePorts(count: number, reserved: ReadonlySet<number>): Promise<NodePorts[]> {
  const chosen = await freePorts(count * PORT_NAMES.length, reserved);
  const out: NodePorts[] = [];
  for (let n = 0; n < count; n++) {
    const slice = chosen.slice(n * PORT_NAMES.length, (n + 1) * PORT_NAMES.length);
    out.push(Object.fromEntries(PORT_NAMES.map((name, i) => [name, slice[i]])) as unknown as NodePorts);
  }
  return out;
}
