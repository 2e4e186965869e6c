import { connect } from "node:net";
import { untilEnough } from "../../internal/untilEnough.js";

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
  await untilEnough(targets, (t) => accepts(t.host, t.port), options);
}
