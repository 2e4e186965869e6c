import { ProbeError } from "./probeError.js";

/**
 * The ProbeError for a JSON-RPC `error` member, e.g.
 * `JSON-RPC error from http://…/ for eth_blockNumber: -32000 not ready`.
 */
export function jsonRpcError(error: unknown, url: string, method?: string): ProbeError {
  const { code, message } = (typeof error === "object" && error !== null ? error : { message: error }) as {
    code?: unknown;
    message?: unknown;
  };
  const call = method ? ` for ${method}` : "";
  const text = `${String(code ?? "?")} ${String(message ?? "")}`.trim();
  return new ProbeError(`JSON-RPC error from ${url}${call}: ${text}`, url);
}
