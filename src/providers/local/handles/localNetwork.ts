import type { TestAccount } from "../../../chain/testAccount.js";
import type { ForwardedEndpoints, Network } from "../../../client/handles.js";
import type { DeleteOptions, OpOptions } from "../../../client/options.js";
import { madeBlock } from "../../../readiness/madeBlock.js";
import { DEFAULT_REQUEST_TIMEOUT_MS } from "../../../readiness/options.js";
import type { NetworkPhase } from "../../../specs/types.js";
import { endpointsOf } from "../endpoints.js";
import type { LocalOps } from "../localOps.js";
import { type NetworkView, failure } from "../views.js";
import { waitServing } from "../waitServing.js";
import { passThrough } from "./passThrough.js";

/** A genesis network of seid processes on this machine. */
export class LocalNetwork implements Network {
  readonly name: string;
  readonly namespace: string;
  #view: NetworkView;
  readonly #ops: LocalOps;

  constructor(ops: LocalOps, view: NetworkView) {
    this.#ops = ops;
    this.#view = view;
    this.name = view.record.name;
    this.namespace = view.record.namespace;
  }

  get chainId(): string {
    return this.#view.record.chainId;
  }

  get phase(): NetworkPhase {
    return this.#view.phase;
  }

  /** The first running validator's endpoints: what the network serves as a whole. */
  #entry(): ReturnType<typeof endpointsOf> | undefined {
    if (this.#view.phase !== "Ready" && this.#view.phase !== "Degraded") return undefined;
    const validator = this.#view.nodes.find((n) => n.record.role === "validator" && n.alive);
    return validator ? endpointsOf(validator.record) : undefined;
  }

  get tendermintRpc(): string | undefined {
    return this.#entry()?.tendermintRpc;
  }

  get rest(): string | undefined {
    return this.#entry()?.rest;
  }

  /** The account funded in genesis for the caller's transactions, key included. */
  get testAccount(): TestAccount {
    return { ...this.#view.record.testAccount };
  }

  /** Names of the validators, addressable with `getNode`, in ordinal order. */
  get validators(): string[] {
    return [...this.#view.record.validators];
  }

  /** The network's record and its nodes' records and processes, as last read. */
  object(): unknown {
    return structuredClone({
      ...this.#view.record,
      phase: this.#view.phase,
      reason: this.#view.reason,
      nodes: this.#view.nodes.map((n) => ({
        ...n.record,
        proc: n.proc,
        phase: n.phase,
        exitCode: n.exitCode,
      })),
    });
  }

  async refresh(options: OpOptions = {}): Promise<void> {
    this.#view = await this.#ops.viewNetwork(this.namespace, this.name, options.signal);
  }

  /**
   * Resolves when every validator runs and Tendermint reports a first block. A
   * validator that dies meanwhile rejects at once with a FailedError carrying
   * its exit code and log tail: in the local mode nothing restarts it.
   */
  async waitReady(options: OpOptions = {}): Promise<void> {
    await waitServing({
      signal: options.signal,
      what: `waiting for network "${this.name}" to be Ready`,
      check: async () => {
        await this.refresh();
        const v = this.#view;
        if (v.phase === "Failed" || v.phase === "Degraded") {
          const dead = v.nodes.find((n) => !n.alive);
          return {
            ready: false,
            failed: await failure("network", this.name, v.phase, v.reason, dead, this.#ops.store),
          };
        }
        return { ready: v.phase === "Ready", note: `phase ${v.phase}` };
      },
      probe: (signal) =>
        madeBlock(this.tendermintRpc as string, { signal, requestTimeout: DEFAULT_REQUEST_TIMEOUT_MS }),
    });
  }

  async forward(): Promise<ForwardedEndpoints> {
    return passThrough({ tendermintRpc: this.tendermintRpc, rest: this.rest });
  }

  /**
   * Stops every validator and the sentry and removes their state. Followers
   * still attached make it a ConflictError naming them, unless `cascade`.
   */
  async delete(options: DeleteOptions = {}): Promise<void> {
    await this.#ops.deleteNetwork(this.namespace, this.name, options);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.delete();
  }
}
