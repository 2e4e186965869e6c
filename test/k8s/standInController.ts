import {
  CustomObjectsApi,
  type KubeConfig,
  PatchStrategy,
  Watch,
  setHeaderOptions,
} from "@kubernetes/client-node";
import { ChainDouble } from "./chainDouble.js";
import { type ChainEndpoints, ChainReleased, SeidChains } from "./seidChains.js";

const GROUP = "sei.io";
const VERSION = "v1alpha1";
type Plural = "seinetworks" | "seinodes" | "seinodetasks" | "seinodetaskworkflows";

interface Obj {
  metadata: { name: string; namespace: string; resourceVersion?: string; labels?: Record<string, string> };
  spec: Record<string, unknown>;
  status?: Record<string, unknown>;
}

/** What serves the endpoints the stand-in publishes for a chain id. */
export type ChainKind = "seid" | "double";

/** How the stand-in treats new resources. */
export interface StandInOptions {
  /** Drive new resources to Ready/Running/Complete on its own (default true). */
  auto?: boolean;
  /** Pause before each status step, ms (default 100). */
  stepDelay?: number;
  /** Names the stand-in leaves alone, for tests that write status by hand. */
  ignore?: (plural: Plural, name: string) => boolean;
  /**
   * What serves the published endpoints, for every chain id or chosen per
   * chain id (default "seid"): "seid" is a real local chain (callers run
   * `testSeid()` first), "double" a {@link ChainDouble}.
   */
  chain?: ChainKind | ((chainId: string) => ChainKind);
}

/**
 * TEST-ONLY stand-in for sei-k8s-controller. It watches the four sei.io
 * resources on a real API server and writes the status the real controller
 * writes — phases, conditions, endpoints, task outputs — through the status
 * subresource, so the SDK's waits and reads run end to end.
 *
 * The endpoints it publishes are served, per chain id, either by a real chain
 * (`chain: "seid"`, the default): a local-mode network of one validator (and
 * its sentry) — see {@link SeidChains} — whose Tendermint RPC/REST and
 * validator EVM endpoints a SeiNetwork gets, plus one follower whose four
 * endpoints every SeiNode of that chain id gets; or by a {@link ChainDouble}
 * (`chain: "double"`) for tests that need a double on purpose. A real chain is
 * started only when a Ready/Running status with endpoints is about to be
 * written (a network created and deleted at once never starts one), is shared
 * by every resource of its chain id, and is deleted with its SeiNetwork or by
 * {@link stop}.
 */
export class StandInController {
  readonly #objects: CustomObjectsApi;
  readonly #watch: Watch;
  readonly #options: Required<Omit<StandInOptions, "ignore" | "chain">> & Pick<StandInOptions, "ignore">;
  readonly #chain: (chainId: string) => ChainKind;
  readonly #watches: AbortController[] = [];
  readonly #doubles = new Map<string, ChainDouble>();
  readonly #seid = new SeidChains();
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
    const chain = options.chain ?? "seid";
    this.#chain = typeof chain === "function" ? chain : () => chain;
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
        if (!this.#options.auto || this.#options.ignore?.(plural, obj.metadata.name)) return;
        if (type === "DELETED" && plural === "seinetworks") {
          // The controller deletes a network's pods with it: so does the stand-in its real chain.
          this.#release(chainIdOf(obj));
          return;
        }
        const key = `${plural}/${obj.metadata.namespace}/${obj.metadata.name}`;
        if (type !== "ADDED" || this.#seen.has(key)) return;
        this.#seen.add(key);
        this.#track(
          this.#reconcile(plural, obj).catch((err: unknown) => {
            // A resource (or its chain) deleted mid-reconcile is normal; anything else is recorded.
            if ((err as { code?: number }).code !== 404 && !(err instanceof ChainReleased))
              this.errors.push(err);
          }),
        );
      },
      () => {
        if (!this.#stopped) this.#track(this.#watchPlural(plural).catch(() => {}));
      },
    );
    this.#watches.push(controller);
  }

  #release(chainId: string): void {
    if (!this.#seid.has(chainId)) return;
    this.#track(this.#seid.release(chainId).catch((err: unknown) => this.errors.push(err)));
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

  /**
   * What a status publishes for a chain id: a real chain's network (validator)
   * or follower endpoints, or the double's one URL for all four.
   */
  async #endpoints(chainId: string, of: "network" | "node"): Promise<ChainEndpoints> {
    if (this.#chain(chainId) === "seid") {
      return of === "network" ? this.#seid.network(chainId) : this.#seid.follower(chainId);
    }
    const url = (await this.double(chainId)).url;
    return { tendermintRpc: url, tendermintRest: url, evmJsonRpc: url, evmWs: url.replace("http", "ws") };
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
      const chainId = chainIdOf(obj);
      const replicas = obj.spec.replicas as number;
      await this.writeStatus(plural, namespace, name, { phase: "Pending" });
      await this.#pause();
      await this.writeStatus(plural, namespace, name, { phase: "Initializing", replicas, readyReplicas: 0 });
      const ep = await this.#endpoints(chainId, "network");
      await this.#pause();
      try {
        await this.writeStatus(plural, namespace, name, {
          phase: "Ready",
          replicas,
          readyReplicas: replicas,
          conditions: [condition("Ready", "True", "AllReplicasReady")],
          endpoints: {
            tendermintRpc: ep.tendermintRpc,
            tendermintRest: ep.tendermintRest,
            // The real chain has one validator: every replica entry names its EVM endpoints.
            nodes: Array.from({ length: replicas }, (_, i) => ({
              name: `${name}-${i}`,
              evmJsonRpc: ep.evmJsonRpc,
              evmWs: ep.evmWs,
            })),
          },
        });
      } catch (err) {
        // Deleted while its chain came up (its DELETED event may have come first): no one needs the chain.
        if ((err as { code?: number }).code === 404) this.#release(chainId);
        throw err;
      }
    } else if (plural === "seinodes") {
      await this.writeStatus(plural, namespace, name, { phase: "Initializing" });
      const ep = await this.#endpoints(obj.spec.chainId as string, "node");
      await this.#pause();
      await this.writeStatus(plural, namespace, name, {
        phase: "Running",
        statefulSet: { name, uid: "00000000-0000-0000-0000-000000000000" },
        conditions: [condition("Ready", "True", "NodeRunning")],
        endpoint: {
          evmJsonRpc: ep.evmJsonRpc,
          evmWs: ep.evmWs,
          tendermintRpc: ep.tendermintRpc,
          tendermintRest: ep.tendermintRest,
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

  /**
   * Stops watching, the chain doubles and the real chains: every local network
   * it made is deleted and its state dir removed; a seid process left behind
   * is killed and recorded in {@link errors}.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const c of this.#watches) c.abort();
    // Stopping the real chains first aborts reconciles still waiting for one.
    const chains = this.#seid.stop().catch((err: unknown) => this.errors.push(err));
    await Promise.allSettled([...this.#pending]);
    await chains;
    await Promise.all([...this.#doubles.values()].map((d) => d.stop()));
  }
}

function chainIdOf(obj: Obj): string {
  return (obj.spec.genesis as { chainId?: string } | undefined)?.chainId ?? obj.metadata.name;
}
