import type { Endpoints, ForwardedEndpoints } from "../../../client/handles.js";
import type { PortForwarder, Relay } from "../portForward.js";

/** Open forwards, so `client.close()` can stop the ones callers left open. */
export type ForwardRegistry = Set<ForwardedEndpoints>;

/**
 * Relays every in-cluster endpoint to 127.0.0.1 and returns the local URLs.
 * If one relay fails, the ones already open are closed.
 */
export async function forwardEndpoints(
  forwarder: PortForwarder,
  endpoints: Endpoints,
  registry: ForwardRegistry,
  signal?: AbortSignal,
): Promise<ForwardedEndpoints> {
  const relays: Relay[] = [];
  const local: Endpoints = {};
  const closeAll = async () => {
    await Promise.all(relays.map((r) => r.close()));
  };
  try {
    for (const key of ["evmRpc", "evmWs", "tendermintRpc", "rest"] as const) {
      const url = endpoints[key];
      if (!url) continue;
      const relay = await forwarder.relay(url, signal);
      relays.push(relay);
      local[key] = relay.url;
    }
  } catch (err) {
    await closeAll();
    throw err;
  }
  const forwarded: ForwardedEndpoints = {
    ...local,
    async close() {
      registry.delete(forwarded);
      await closeAll();
    },
    async [Symbol.asyncDispose]() {
      await forwarded.close();
    },
  };
  registry.add(forwarded);
  return forwarded;
}
