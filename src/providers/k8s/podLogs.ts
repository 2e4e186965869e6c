import { createInterface } from "node:readline";
import { PassThrough } from "node:stream";
import { type KubeConfig, Log } from "@kubernetes/client-node";
import type { LogOptions } from "../../client/options.js";
import { abortError } from "../../internal/abort.js";
import { mapApiError } from "./mapApiError.js";

/** Container that runs seid in the controller's node pods. */
export const SEID_CONTAINER = "seid";

/** Reads a node pod's seid log through the API server's log endpoint. */
export class PodLogs {
  readonly #log: Log;

  constructor(kc: KubeConfig) {
    this.#log = new Log(kc);
  }

  /** Lines of the pod's log; with `follow`, until the signal aborts. */
  async *lines(namespace: string, pod: string, options: LogOptions): AsyncIterable<string> {
    const out = new PassThrough();
    let request: AbortController;
    try {
      request = await this.#log.log(namespace, pod, SEID_CONTAINER, out, {
        follow: options.follow ?? false,
        ...(options.tail !== undefined ? { tailLines: options.tail } : {}),
      });
    } catch (err) {
      throw mapApiError(err, { action: "reading logs of", noun: "pod", name: pod, namespace });
    }
    const signal = options.signal;
    const onAbort = () => {
      request.abort();
      out.end();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      for await (const line of createInterface({ input: out, crlfDelay: Number.POSITIVE_INFINITY })) {
        yield line;
      }
      if (signal?.aborted && !options.follow) throw abortError(signal, `reading logs of ${pod}`);
    } finally {
      signal?.removeEventListener("abort", onAbort);
      request.abort();
    }
  }
}
