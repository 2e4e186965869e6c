import { connect } from "node:net";
import { setTimeout as delay } from "node:timers/promises";

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Waits (bounded) until `atLeast` of the `host:port`s (all by default) accept
 * TCP connections. A node started before its peers listen fails its first
 * dials and seid backs off for about ten seconds before it tries again;
 * starting it once enough of them listen avoids that stall. Gives up quietly
 * at the bound: the node then dials as it would.
 */
export async function waitListening(
  targets: readonly { host: string; port: number }[],
  options: { timeoutMs: number; atLeast?: number; signal?: AbortSignal | undefined },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const enough = targets.length - Math.min(options.atLeast ?? targets.length, targets.length);
  let pending = [...targets];
  while (pending.length > enough && Date.now() < deadline && !options.signal?.aborted) {
    const open = await Promise.all(pending.map((t) => accepts(t.host, t.port)));
    pending = pending.filter((_, i) => !open[i]);
    if (pending.length > enough) await delay(50);
  }
}
