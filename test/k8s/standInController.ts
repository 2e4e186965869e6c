import {
  CustomObjectsApi,
  type KubeConfig,
  PatchStrategy,
  Watch,
  setHeaderOptions,
} from "@kubernetes/client-node";
import { ChainDouble } from "./chainDouble.js";

const GROUP = "sei.io";
const VERSION = "v1alpha1";
type Plural = "seinetworks" | "seinodes" | "seinodetasks" | "seinodetaskworkflows";

interface Obj {
  metadata: { name: string; namespace: string; resourceVersion?: string; labels?: Record<string, string> };
  spec: Record<string, unknown>;
  status?: Record<string, unknown>;
}

/** How the stand-in treats new resources. */
export interface StandInOptions {
  /** Drive new resources to Ready/Running/Complete on its own (default true). */
  auto?: boolean;
  /** Pause before each status step, ms (default 100). */
  stepDelay?: number;
  /** Names the stand-in leaves alone, for tests that write status by hand. */
  ignore?: (plural: Plural, name: string) => boolean;
}

/**
 * TEST-ONLY stand-in for sei-k8s-controller. It watches the four sei.io
 * resources on a real API server and writes the status the real controller
 * writes — phases, conditions, endpoints, task outputs — through the status
 * subresource, so the SDK's waits and reads run end to end. Endpoints point at
 * a {@link ChainDouble} per network (no seid can be built here).
 */
export class StandInController {
  readonly #objects: CustomObjectsApi;
  readonly #watch: Watch;
  readonly #options: Required<Omit<StandInOptions, "ignore">> & Pick<StandInOptions, "ignore">;
  readonly #watches: AbortController[] = [];
  readonly #doubles = new Map<string, ChainDouble>();
  readonly #seen = new Set<string>();
  readonly #pending = new Set<Promise<unknown>>();
  #stopped = false;
  /** Errors met while reconciling (a test can assert there are none). */
  readonly errors: unknown[] = [];
  /** Status writes made, by `plural/ns/name`. */
  readonly writes: string[] = [];

  constructor(kc: KubeConfig, options: StandInOptions = {}) {
    this.#objects = kc.makeApiClient(CustomObjectsApi);
    this.#watch = new Watch(kc);
    this.#options = {
      auto: options.auto ?? true,
      stepDelay: options.stepDelay ?? 100,
      ignore: options.ignore,
    };
  }

  /** Starts watching all namespaces. */
  async start(): Promise<void> {
    for (const plural of ["seinetworks", "seinodes", "seinodetasks", "seinodetaskworkflows"] as Plural[]) {
      await this.#watchPlural(plural);
    }
  }

  async #watchPlural(plural: Plural): Promise<void> {
    const controller = await this.#watch.watch(
      `/apis/${GROUP}/${VERSION}/${plural}`,
      { allowWatchBookmarks: false },
      (type, obj: Obj) => {
        if (type !== "ADDED" || !this.#options.auto) return;
        const key = `${plural}/${obj.metadata.namespace}/${obj.metadata.name}`;
        if (this.#seen.has(key) || this.#options.ignore?.(plural, obj.metadata.name)) return;
        this.#seen.add(key);
        this.#track(
          this.#reconcile(plural, obj).catch((err: unknown) => {
            // A resource deleted mid-reconcile is normal; anything else is recorded.
            if ((err as { code?: number }).code !== 404) this.errors.push(err);
          }),
        );
      },
      () => {
        if (!this.#stopped) this.#track(this.#watchPlural(plural).catch(() => {}));
      },
    );
    this.#watches.push(controller);
  }

  #track(p: Promise<unknown>): void {
    this.#pending.add(p);
    void p.finally(() => this.#pending.delete(p));
  }

  async #pause(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, this.#options.stepDelay));
  }

  /** Merge-patches `status` through the status subresource, as the controller does. */
  async writeStatus(
    plural: Plural,
    namespace: string,
    name: string,
    status: Record<string, unknown>,
  ): Promise<void> {
    if (this.#stopped) return;
    this.writes.push(`${plural}/${namespace}/${name}`);
    await this.#objects.patchNamespacedCustomObjectStatus(
      { group: GROUP, version: VERSION, namespace, plural, name, body: { status } },
      setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
    );
  }

  /** The chain double serving a network's endpoints (started on first use). */
  async double(chainId: string): Promise<ChainDouble> {
    let double = this.#doubles.get(chainId);
    if (!double) {
      double = new ChainDouble(chainId);
      this.#doubles.set(chainId, double);
      await double.start();
    }
    return double;
  }

  async #reconcile(plural: Plural, obj: Obj): Promise<void> {
    const { namespace, name } = obj.metadata;
    const condition = (type: string, status: string, reason: string) => ({
      type,
      status,
      reason,
      message: reason,
      lastTransitionTime: new Date().toISOString(),
    });
    await this.#pause();
    if (plural === "seinetworks") {
      const chainId = (obj.spec.genesis as { chainId: string }).chainId;
      const replicas = obj.spec.replicas as number;
      await this.writeStatus(plural, namespace, name, { phase: "Pending" });
      await this.#pause();
      await this.writeStatus(plural, namespace, name, { phase: "Initializing", replicas, readyReplicas: 0 });
      const url = (await this.double(chainId)).url;
      await this.#pause();
      await this.writeStatus(plural, namespace, name, {
        phase: "Ready",
        replicas,
        readyReplicas: replicas,
        conditions: [condition("Ready", "True", "AllReplicasReady")],
        endpoints: {
          tendermintRpc: url,
          tendermintRest: url,
          nodes: Array.from({ length: replicas }, (_, i) => ({
            name: `${name}-${i}`,
            evmJsonRpc: url,
            evmWs: url.replace("http", "ws"),
          })),
        },
      });
    } else if (plural === "seinodes") {
      const url = (await this.double(obj.spec.chainId as string)).url;
      await this.writeStatus(plural, namespace, name, { phase: "Initializing" });
      await this.#pause();
      await this.writeStatus(plural, namespace, name, {
        phase: "Running",
        statefulSet: { name, uid: "00000000-0000-0000-0000-000000000000" },
        conditions: [condition("Ready", "True", "NodeRunning")],
        endpoint: {
          evmJsonRpc: url,
          evmWs: url.replace("http", "ws"),
          tendermintRpc: url,
          tendermintRest: url,
        },
      });
    } else if (plural === "seinodetasks") {
      const kind = obj.spec.kind as string;
      await this.writeStatus(plural, namespace, name, {
        phase: "Running",
        startedAt: new Date().toISOString(),
      });
      await this.#pause();
      const outputs: Record<string, unknown> = {
        GovSoftwareUpgrade: { govSoftwareUpgrade: { proposalId: 1, txHash: "AB".repeat(32), height: 42 } },
        GovVote: { govVote: { txHash: "CD".repeat(32), height: 43 } },
        AwaitNodesAtHeight: {
          awaitNodesAtHeight: {
            currentHeight: (obj.spec.awaitNodesAtHeight as { targetHeight: number } | undefined)
              ?.targetHeight,
          },
        },
        UpdateNodeImage: {
          updateNodeImage: {
            appliedImage: (obj.spec.updateNodeImage as { image: string } | undefined)?.image,
          },
        },
      };
      await this.writeStatus(plural, namespace, name, { phase: "Complete", outputs: outputs[kind] ?? {} });
    } else {
      await this.writeStatus(plural, namespace, name, { phase: "Running" });
      await this.#pause();
      await this.writeStatus(plural, namespace, name, { phase: "Complete" });
    }
  }

  /** Stops watching and the chain doubles. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const c of this.#watches) c.abort();
    await Promise.allSettled([...this.#pending]);
    await Promise.all([...this.#doubles.values()].map((d) => d.stop()));
  }
}
