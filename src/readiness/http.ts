import { abortError, throwIfAborted } from "../internal/abort.js";
import type { Endpoint } from "./endpoint.js";
import { jsonRpcError } from "./jsonRpcError.js";
import { type ProbeOptions, resolveProbeOptions } from "./options.js";
import { ProbeError } from "./probeError.js";

/** Longest slice of a body quoted in an error message. */
const SNIPPET_CHARS = 80;

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > SNIPPET_CHARS ? `${flat.slice(0, SNIPPET_CHARS)}…` : flat;
}

/** The most telling part of a `fetch failed` error: `ECONNREFUSED`, `ENOTFOUND`, … */
function failureReason(err: unknown): string {
  const cause = err instanceof Error ? err.cause : undefined;
  if (cause instanceof Error) return (cause as { code?: unknown }).code?.toString() ?? cause.message;
  return err instanceof Error ? err.message : String(err);
}

/**
 * One HTTP request with its own deadline (`requestTimeout`) on top of the
 * caller's signal, whose body must be JSON. The caller's abort becomes
 * CanceledError/TimeoutError; every other failure a ProbeError naming the URL.
 */
async function requestJson(
  target: Endpoint,
  init: { method: "GET" | "POST"; body?: string },
  options: ProbeOptions | undefined,
): Promise<unknown> {
  const { signal, requestTimeout } = resolveProbeOptions(options);
  const url = target.href;
  const what = `requesting ${url}`;
  throwIfAborted(signal, what);
  // Both sources stay referenced below (the catch reads them): on Node 20 a
  // source held only by AbortSignal.any can be garbage-collected (nodejs/node#57736).
  const perRequest = AbortSignal.timeout(requestTimeout);
  const headers: Record<string, string> = { accept: "application/json" };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (target.authorization) headers.authorization = target.authorization;
  let status: number;
  let ok: boolean;
  let text: string;
  try {
    const response = await fetch(url, {
      method: init.method,
      headers,
      body: init.body,
      signal: signal ? AbortSignal.any([signal, perRequest]) : perRequest,
    });
    status = response.status;
    ok = response.ok;
    text = await response.text();
  } catch (err) {
    if (signal?.aborted) throw abortError(signal, what);
    if (perRequest.aborted) {
      throw new ProbeError(`no answer from ${url} within ${requestTimeout} ms`, url, { cause: err });
    }
    throw new ProbeError(`cannot reach ${url} (${failureReason(err)})`, url, { cause: err });
  }
  if (!ok) {
    const body = snippet(text);
    throw new ProbeError(`HTTP ${status} from ${url}${body ? `: ${JSON.stringify(body)}` : ""}`, url, {
      status,
    });
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ProbeError(`non-JSON body from ${url}: ${JSON.stringify(snippet(text))}`, url, {
      status,
      cause: err,
    });
  }
}

/** GETs `target` and returns its JSON body; see {@link requestJson} for errors. */
export function getJson(target: Endpoint, options?: ProbeOptions): Promise<unknown> {
  return requestJson(target, { method: "GET" }, options);
}

/**
 * Calls a JSON-RPC 2.0 method and returns its `result`. A JSON-RPC `error`
 * object, or an answer with neither, is a ProbeError.
 */
export async function postJsonRpc(
  target: Endpoint,
  method: string,
  params: unknown[],
  options?: ProbeOptions,
): Promise<unknown> {
  const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method, params });
  const answer = await requestJson(target, { method: "POST", body }, options);
  const envelope = (typeof answer === "object" && answer !== null ? answer : {}) as {
    result?: unknown;
    error?: unknown;
  };
  if (envelope.error !== undefined && envelope.error !== null) {
    throw jsonRpcError(envelope.error, target.href, method);
  }
  if (!("result" in envelope)) {
    throw new ProbeError(`no JSON-RPC result from ${target.href} for ${method}`, target.href);
  }
  return envelope.result;
}
