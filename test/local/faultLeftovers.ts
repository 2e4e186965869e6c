// Checks that a deleted local network left nothing of its faults: no stopped
// (SIGSTOPped) process of the state dir, no relay process, no relay port open.
import assert from "node:assert/strict";
import { listening, processesWhere } from "./leftovers.js";

/** Processes in state T (stopped) whose command line names `stateDir`. */
export function stoppedProcessesUnder(stateDir: string): Promise<number[]> {
  return processesWhere((cmdline, state) => state === "T" && cmdline.includes(stateDir));
}

interface RelayedNetwork {
  relay?: { apiPort: number; pid?: number };
  nodes?: { relay?: { public: number; routes: Record<string, number> } }[];
}

/** Asserts the network ran through a relay, and that nothing of it or of its faults is left. */
export async function assertRelayGone(stateDir: string, networkObject: unknown): Promise<void> {
  const net = networkObject as RelayedNetwork;
  assert.ok(net.relay?.pid, "the network ran through the P2P relay");
  assert.deepEqual(await stoppedProcessesUnder(stateDir), [], "no SIGSTOPped process left");
  let alive = true;
  try {
    process.kill(net.relay.pid, 0);
  } catch {
    alive = false;
  }
  assert.equal(alive, false, "the relay process is gone");
  const ports = [
    net.relay.apiPort,
    ...(net.nodes ?? []).flatMap((n) => (n.relay ? [n.relay.public, ...Object.values(n.relay.routes)] : [])),
  ];
  for (const port of ports) assert.equal(await listening(port), false, `relay port ${port} is closed`);
}
