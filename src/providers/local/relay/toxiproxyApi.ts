import { InfraError } from "../../../errors/infra.js";
import type { RelayProxy } from "./relayRoutes.js";

/** Bound of one call to the relay's API, ms: it runs on this machine. */
const REQUEST_MS = 5_000;

/**
 * Calls Toxiproxy's HTTP API on 127.0.0.1: every request bounded and tied to
 * the caller's signal; a refusal or an unreachable relay is an InfraError.
 */
export async function toxiproxy<T>(
  apiPort: number,
  method: "GET" | "POST" | "DELETE",
  path: string,
  options: { body?: unknown; signal?: AbortSignal | undefined } = {},
): Promise<T> {
  const signal = options.signal
    ? AbortSignal.any([options.signal, AbortSignal.timeout(REQUEST_MS)])
    : AbortSignal.timeout(REQUEST_MS);
  const url = `http://127.0.0.1:${apiPort}${path}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      signal,
      ...(options.body !== undefined
        ? { body: JSON.stringify(options.body), headers: { "content-type": "application/json" } }
        : {}),
    });
  } catch (err) {
    options.signal?.throwIfAborted();
    throw new InfraError(`The P2P relay (toxiproxy on port ${apiPort}) does not answer ${method} ${path}.`, {
      cause: err,
    });
  }
  const text = await res.text();
  if (!res.ok && !(method === "DELETE" && res.status === 404)) {
    throw new InfraError(`The P2P relay refused ${method} ${path}: HTTP ${res.status} ${text.trim()}`);
  }
  // `/version` answers plain text; the rest JSON.
  const json = res.headers.get("content-type")?.includes("json") && text;
  return (json ? JSON.parse(text) : text) as T;
}

/** Creates (or updates) proxies in one call. */
export async function populate(apiPort: number, proxies: readonly RelayProxy[], signal?: AbortSignal) {
  if (proxies.length > 0) await toxiproxy(apiPort, "POST", "/populate", { body: proxies, signal });
}

/** Every proxy by name, with whether it is enabled. */
export function listProxies(apiPort: number, signal?: AbortSignal): Promise<Record<string, RelayProxy>> {
  return toxiproxy(apiPort, "GET", "/proxies", { signal });
}

/** Turns a proxy on or off; off closes its listener and every connection through it. */
export async function setEnabled(apiPort: number, name: string, enabled: boolean, signal?: AbortSignal) {
  await toxiproxy(apiPort, "POST", `/proxies/${encodeURIComponent(name)}`, { body: { enabled }, signal });
}

/** Removes a proxy; a missing one is success. */
export async function removeProxy(apiPort: number, name: string, signal?: AbortSignal) {
  await toxiproxy(apiPort, "DELETE", `/proxies/${encodeURIComponent(name)}`, { signal });
}
