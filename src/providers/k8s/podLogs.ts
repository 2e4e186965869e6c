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

  /**
   * The last `lines` lines of seid's log, from its previous run when
   * `previous` (the run that died), or undefined when the log cannot be read:
   * for error messages, so it never throws.
   */
  async tail(
    namespace: string,
    pod: string,
    lines: number,
    options: { previous?: boolean; signal?: AbortSignal } = {},
  ): Promise<string | undefined> {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise<void>((resolve) => {
      out.once("end", resolve);
      out.once("close", resolve);
    });
    let request: AbortController | undefined;
    const onAbort = () => {
      request?.abort();
      out.end();
    };
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const started = this.#log.log(namespace, pod, SEID_CONTAINER, out, {
      tailLines: lines,
      previous: options.previous ?? false,
    });
    // A request still unanswered when the signal ends is given up on, and aborted once it answers.
    started.then(
      (r) => {
        if (options.signal?.aborted) r.abort();
      },
      () => undefined,
    );
    try {
      request = await Promise.race([
        started,
        new Promise<never>((_, reject) => signalled(options.signal, reject)),
      ]);
      if (options.signal?.aborted) onAbort();
      await ended;
      const text = Buffer.concat(chunks).toString("utf8").trimEnd();
      return text.length > 0 ? text : undefined;
    } catch {
      return undefined;
    } finally {
      options.signal?.removeEventListener("abort", onAbort);
      request?.abort();
    }
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

/** Calls `reject` when `signal` aborts (at once if it has). */
function signalled(signal: AbortSignal | undefined, reject: (reason: unknown) => void): void {
  if (!signal) return;
  if (signal.aborted) reject(signal.reason);
  else signal.addEventListener("abort", () => reject(signal.reason), { once: true });
}
