import type { TestAccount } from "../../../chain/testAccount.js";
import type { ForwardedEndpoints, Network } from "../../../client/handles.js";
import type { DeleteOptions, OpOptions } from "../../../client/options.js";
import { madeBlock } from "../../../readiness/madeBlock.js";
import type { NetworkPhase } from "../../../specs/types.js";
import { passThrough } from "../../local/handles/passThrough.js";
import type { DockerOps } from "../dockerOps.js";
import { type NetworkView, failure } from "../views.js";
import { PROBE_REQUEST_MS, waitContainers } from "../waitReady.js";

/** A genesis network of seid containers on its own Docker network. */
export class DockerNetwork implements Network {
  readonly name: string;
  readonly namespace: string;
  #view: NetworkView;
  readonly #ops: DockerOps;

  constructor(ops: DockerOps, view: NetworkView) {
    this.#ops = ops;
    this.#view = view;
    this.name = view.name;
    this.namespace = view.namespace;
  }

  get chainId(): string {
    return this.#view.chainId;
  }

  get phase(): NetworkPhase {
    return this.#view.phase;
  }

  /** The first running validator's published endpoints: what the network serves as a whole. */
  #entry() {
    if (this.#view.phase !== "Ready" && this.#view.phase !== "Degraded") return undefined;
    return this.#view.nodes.find((n) => n.role === "validator" && n.alive)?.endpoints;
  }

  get tendermintRpc(): string | undefined {
    return this.#entry()?.tendermintRpc;
  }

  get rest(): string | undefined {
    return this.#entry()?.rest;
  }

  /** The account funded in genesis for the caller's transactions, key included. */
  get testAccount(): TestAccount | undefined {
    const account = this.#view.testAccount;
    return account ? { ...account } : undefined;
  }

  /** Names of the validators, addressable with `getNode`, in ordinal order. */
  get validators(): string[] {
    return [...this.#view.validators];
  }

  /** The Docker network's inspect and each validator's and the sentry's container inspect. */
  object(): unknown {
    return structuredClone({
      network: this.#view.network,
      validators: this.#view.validators,
      image: this.#view.image,
      createdAt: this.#view.network.Created,
      phase: this.#view.phase,
      reason: this.#view.reason,
      containers: this.#view.nodes.map((n) => n.inspect),
    });
  }

  async refresh(_options: OpOptions = {}): Promise<void> {
    this.#view = await this.#ops.viewNetwork(this.namespace, this.name);
  }

  /**
   * Resolves when every validator's container runs and Tendermint answers
   * /status. A container that exits meanwhile rejects at once with a
   * FailedError carrying its exit code and log tail.
   */
  async waitReady(options: OpOptions = {}): Promise<void> {
    await waitContainers({
      signal: options.signal,
      what: `waiting for network "${this.name}" to be Ready`,
      check: async () => {
        await this.refresh();
        const v = this.#view;
        if (v.phase === "Failed" || v.phase === "Degraded") {
          const dead = v.nodes.find((n) => !n.alive);
          return {
            ready: false,
            failed: await failure(this.#ops.docker, "network", this.name, v.phase, v.reason, dead),
          };
        }
        return { ready: v.phase === "Ready", note: `phase ${v.phase}` };
      },
      probe: (signal) =>
        madeBlock(this.tendermintRpc as string, { signal, requestTimeout: PROBE_REQUEST_MS }),
    });
  }

  /** Published ports are on 127.0.0.1 already: returned as they are. */
  async forward(): Promise<ForwardedEndpoints> {
    return passThrough({ tendermintRpc: this.tendermintRpc, rest: this.rest });
  }

  /**
   * Removes the validators, the sentry, their volumes and the Docker network.
   * Followers still attached make it a ConflictError naming them, unless `cascade`.
   */
  async delete(options: DeleteOptions = {}): Promise<void> {
    await this.#ops.deleteNetwork(this.namespace, this.name, options);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.delete();
  }
}
