import {
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  Observable,
  PatchStrategy,
  type RequestContext,
  type ResponseContext,
  type V1Pod,
  Watch,
} from "@kubernetes/client-node";
import { abortError } from "../../internal/abort.js";
import { logger } from "../../internal/debug.js";
import { FIELD_MANAGER } from "../../labels.js";
import { mapApiError } from "./mapApiError.js";
import { type CustomResource, GROUP, type ResourceKind, VERSION } from "./resources.js";

const log = logger("k8s");

/** How a watch stream ended: stopped by its caller, closed by the server, or expired (410: re-list). */
export type WatchEnd = "stopped" | "closed" | "expired";

/** A watch event as the API server streams it. */
export interface WatchEvent {
  type: "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";
  object: CustomResource & { code?: number; message?: string };
}

/**
 * The few API calls the provider makes, each bounded by the caller's signal,
 * with failures mapped to seinet errors. Counts requests for benchmarks.
 */
export class KubeApi {
  readonly #kc: KubeConfig;
  readonly #objects: CustomObjectsApi;
  readonly #core: CoreV1Api;
  readonly #watch: Watch;
  /** Requests sent so far (watch streams count once each). */
  requests = 0;

  readonly #watchTimeoutSeconds: number;

  constructor(kc: KubeConfig, options: { watchTimeoutSeconds?: number } = {}) {
    this.#kc = kc;
    this.#watchTimeoutSeconds = options.watchTimeoutSeconds ?? 300;
    this.#objects = kc.makeApiClient(CustomObjectsApi);
    this.#core = kc.makeApiClient(CoreV1Api);
    this.#watch = new Watch(kc);
  }

  /** The API server URL, for messages. */
  get server(): string | undefined {
    return this.#kc.getCurrentCluster()?.server;
  }

  #options(signal: AbortSignal | undefined, contentType?: string) {
    const pre = (ctx: RequestContext) => {
      if (signal) ctx.setSignal(signal);
      if (contentType) ctx.setHeaderParam("Content-Type", contentType);
      return new Observable(Promise.resolve(ctx));
    };
    const post = (res: ResponseContext) => new Observable(Promise.resolve(res));
    return { middleware: [{ pre, post }], middlewareMergeStrategy: "append" as const };
  }

  async #call<T>(
    run: () => Promise<T>,
    ctx: { action: string; kind: ResourceKind; name: string; namespace: string },
    signal: AbortSignal | undefined,
  ): Promise<T> {
    this.requests++;
    try {
      return await run();
    } catch (err) {
      if (signal?.aborted) throw abortError(signal, `${ctx.action} ${ctx.kind.noun} "${ctx.name}"`);
      throw mapApiError(err, { ...ctx, noun: ctx.kind.noun, server: this.server });
    }
  }

  /** Server-side apply under field manager `sei-sdk`, forced, with strict field validation. */
  async apply(kind: ResourceKind, obj: CustomResource, signal?: AbortSignal): Promise<CustomResource> {
    const namespace = obj.metadata.namespace!;
    const name = obj.metadata.name;
    log("apply %s %s/%s", kind.kind, namespace, name);
    return this.#call(
      () =>
        this.#objects.patchNamespacedCustomObject(
          {
            group: GROUP,
            version: VERSION,
            namespace,
            plural: kind.plural,
            name,
            body: obj,
            fieldManager: FIELD_MANAGER,
            force: true,
            fieldValidation: "Strict",
          },
          this.#options(signal, PatchStrategy.ServerSideApply),
        ) as Promise<CustomResource>,
      { action: "applying", kind, name, namespace },
      signal,
    );
  }

  /** Reads one object; NotFoundError when absent. */
  async get(
    kind: ResourceKind,
    namespace: string,
    name: string,
    signal?: AbortSignal,
  ): Promise<CustomResource> {
    return this.#call(
      () =>
        this.#objects.getNamespacedCustomObject(
          { group: GROUP, version: VERSION, namespace, plural: kind.plural, name },
          this.#options(signal),
        ) as Promise<CustomResource>,
      { action: "reading", kind, name, namespace },
      signal,
    );
  }

  /** Deletes one object (foreground); NotFoundError when absent. */
  async delete(kind: ResourceKind, namespace: string, name: string, signal?: AbortSignal): Promise<void> {
    await this.#call(
      () =>
        this.#objects.deleteNamespacedCustomObject(
          {
            group: GROUP,
            version: VERSION,
            namespace,
            plural: kind.plural,
            name,
            propagationPolicy: "Background",
          },
          this.#options(signal),
        ),
      { action: "deleting", kind, name, namespace },
      signal,
    );
  }

  /** Lists objects of one name (possibly none) with the list's resourceVersion to watch from. */
  async listByName(
    kind: ResourceKind,
    namespace: string,
    name: string,
    signal?: AbortSignal,
  ): Promise<{ item: CustomResource | undefined; resourceVersion: string }> {
    const list = (await this.#call(
      () =>
        this.#objects.listNamespacedCustomObject(
          {
            group: GROUP,
            version: VERSION,
            namespace,
            plural: kind.plural,
            fieldSelector: `metadata.name=${name}`,
          },
          this.#options(signal),
        ),
      { action: "listing", kind, name, namespace },
      signal,
    )) as { items: CustomResource[]; metadata: { resourceVersion: string } };
    return { item: list.items[0], resourceVersion: list.metadata.resourceVersion };
  }

  /**
   * Streams events for one object from `resourceVersion` until the server
   * closes the stream, the signal aborts, or `onEvent` returns true. Resolves
   * with how it ended (`expired`: the server answered 410 Gone, so the
   * resourceVersion is too old and the caller must re-list); rejects with the
   * stream's error.
   */
  watchByName(
    kind: ResourceKind,
    namespace: string,
    name: string,
    resourceVersion: string,
    onEvent: (event: WatchEvent) => boolean,
    signal: AbortSignal,
  ): Promise<WatchEnd> {
    const path = `/apis/${GROUP}/${VERSION}/namespaces/${encodeURIComponent(namespace)}/${kind.plural}`;
    return this.#stream(
      path,
      { fieldSelector: `metadata.name=${name}`, resourceVersion },
      { noun: kind.noun, name, namespace },
      (type, object) => onEvent({ type, object: object as WatchEvent["object"] }),
      signal,
    );
  }

  /** Lists the pods a label selector picks, with the list's resourceVersion to watch from. */
  async listPods(
    namespace: string,
    labelSelector: string,
    signal?: AbortSignal,
  ): Promise<{ items: V1Pod[]; resourceVersion: string }> {
    this.requests++;
    try {
      const list = await this.#core.listNamespacedPod({ namespace, labelSelector }, this.#options(signal));
      return { items: list.items, resourceVersion: list.metadata?.resourceVersion ?? "" };
    } catch (err) {
      if (signal?.aborted) throw abortError(signal, `listing pods ${labelSelector}`);
      throw mapApiError(err, {
        action: "listing",
        noun: "pods",
        name: labelSelector,
        namespace,
        server: this.server,
      });
    }
  }

  /** Streams pod events for a label selector from `resourceVersion`; see {@link KubeApi.watchByName}. */
  watchPods(
    namespace: string,
    labelSelector: string,
    resourceVersion: string,
    onEvent: (type: WatchEvent["type"], pod: V1Pod) => boolean,
    signal: AbortSignal,
  ): Promise<WatchEnd> {
    return this.#stream(
      `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`,
      { labelSelector, resourceVersion },
      { noun: "pods", name: labelSelector, namespace },
      (type, object) => onEvent(type, object as V1Pod),
      signal,
    );
  }

  #stream(
    path: string,
    query: Record<string, string>,
    what: { noun: string; name: string; namespace: string },
    onEvent: (type: WatchEvent["type"], object: unknown) => boolean,
    signal: AbortSignal,
  ): Promise<WatchEnd> {
    this.requests++;
    const mapped = (err: unknown) => mapApiError(err, { action: "watching", ...what, server: this.server });
    return new Promise<WatchEnd>((resolve, reject) => {
      let controller: AbortController | undefined;
      let settled = false;
      const finish = (outcome: WatchEnd | Error) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener("abort", onAbort);
        controller?.abort();
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      const onAbort = () => finish(abortError(signal, `watching ${what.noun} "${what.name}"`));
      signal.addEventListener("abort", onAbort, { once: true });
      this.#watch
        .watch(
          path,
          { ...query, allowWatchBookmarks: true, timeoutSeconds: this.#watchTimeoutSeconds },
          (type, object) => {
            if (settled) return;
            try {
              if (onEvent(type as WatchEvent["type"], object)) finish("stopped");
            } catch (err) {
              finish(err as Error);
            }
          },
          (err: unknown) => {
            // 410 Gone on the request itself: the resourceVersion was compacted away.
            if ((err as { statusCode?: number } | null)?.statusCode === 410) finish("expired");
            else if (err && !settled) finish(mapped(err));
            else finish("closed");
          },
        )
        .then(
          (c) => {
            controller = c;
            if (settled) c.abort();
          },
          (err: unknown) => finish(mapped(err)),
        );
      if (signal.aborted) onAbort();
    });
  }
}
