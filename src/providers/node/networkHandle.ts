import type { TestAccount } from "../../chain/testAccount.js";
import { testAccounts } from "../../chain/testAccounts.js";
import type { Checkpoint, CheckpointExport, CheckpointOptions } from "../../client/checkpoint.js";
import type { ForwardedEndpoints, Network } from "../../client/handles.js";
import type { DeleteOptions, DumpOptions, OpOptions } from "../../client/options.js";
import { writeDump } from "../../dump/dumpNetwork.js";
import { NotFoundError } from "../../errors/notFound.js";
import { UsageError } from "../../errors/usage.js";
import { throwIfAborted } from "../../internal/abort.js";
import { madeBlock } from "../../readiness/madeBlock.js";
import type { NetworkPhase } from "../../specs/types.js";
import { checkCheckpointName } from "./checkpointName.js";
import { checkpointNetwork } from "./checkpointNetwork.js";
import { deadNode } from "./deadNode.js";
import { exportCheckpoint } from "./exportCheckpoint.js";
import { failure } from "./failure.js";
import type { NetworkAt } from "./networkAt.js";
import { NodeHandle } from "./nodeHandle.js";
import type { NetworkFacts, NodeFacts, NodeOps } from "./nodeOps.js";
import { passThrough } from "./passThrough.js";
import { restartAfterStartupRace } from "./restartAfterStartupRace.js";
import { restoreNetwork } from "./restoreNetwork.js";
import { waitServing } from "./waitServing.js";

/**
 * A genesis network of seid processes (local) or containers (docker), written
 * once over the mode's {@link NodeOps}.
 */
export class NetworkHandle<N, V> implements Network {
  readonly name: string;
  readonly namespace: string;
  #view: N;
  readonly #ops: NodeOps<N, V>;

  constructor(ops: NodeOps<N, V>, view: N) {
    this.#ops = ops;
    this.#view = view;
    const facts = ops.networkFacts(view);
    this.name = facts.name;
    this.namespace = facts.namespace;
  }

  #facts(): NetworkFacts<V> {
    return this.#ops.networkFacts(this.#view);
  }

  get chainId(): string {
    return this.#facts().chainId;
  }

  get phase(): NetworkPhase {
    return this.#facts().phase;
  }

  /** The first running validator's endpoints: what the network serves as a whole. */
  #entry(): NodeFacts["endpoints"] | undefined {
    const { phase, nodes } = this.#facts();
    if (phase !== "Ready" && phase !== "Degraded") return undefined;
    return nodes.map((n) => this.#ops.nodeFacts(n)).find((n) => n.role === "validator" && n.alive)?.endpoints;
  }

  get tendermintRpc(): string | undefined {
    return this.#entry()?.tendermintRpc;
  }

  get rest(): string | undefined {
    return this.#entry()?.rest;
  }

  /** The account funded in genesis for the caller's transactions, key included. */
  get testAccount(): TestAccount | undefined {
    const account = this.#facts().testAccount;
    return account ? { ...account } : undefined;
  }

  /** The spec's `testAccounts` (index i is `TEST_MNEMONIC` account i), keys included. */
  get testAccounts(): TestAccount[] {
    return testAccounts(this.#facts().testAccountCount);
  }

  /** Names of the validators, addressable with `getNode`, in ordinal order. */
  get validators(): string[] {
    return [...this.#facts().validators];
  }

  /** The mode's records (local) or inspects (docker) of the network and its validators and sentry. */
  object(): unknown {
    return structuredClone(this.#ops.networkObject(this.#view));
  }

  async refresh(options: OpOptions = {}): Promise<void> {
    this.#view = await this.#ops.viewNetwork(this.namespace, this.name, options.signal);
  }

  /**
   * Resolves when every validator runs and Tendermint reports a first block. A
   * validator that dies meanwhile rejects at once with a FailedError carrying
   * its exit code and log tail. The one exception is seid's consensus start-up
   * race: a node that died of it is started again once
   * ({@link restartAfterStartupRace}); any other death is the wait's failure.
   */
  async waitReady(options: OpOptions = {}): Promise<void> {
    const restarted = new Set<string>();
    await waitServing({
      signal: options.signal,
      what: `waiting for network "${this.name}" to be Ready`,
      check: async () => {
        await this.refresh();
        const { phase, reason, nodes } = this.#facts();
        if (phase === "Failed" || phase === "Degraded") {
          const dead = nodes.find((n) => !this.#ops.nodeFacts(n).alive);
          const left = await deadNode(this.#ops, dead);
          if (dead && (await restartAfterStartupRace(this.#ops, dead, left, restarted, options.signal))) {
            return {
              ready: false,
              note: `${this.#ops.nodeFacts(dead).name} started again after seid's start-up race`,
            };
          }
          return {
            ready: false,
            failed: failure({ kind: "network", name: this.name, phase, reason }, left),
          };
        }
        return { ready: phase === "Ready", note: `phase ${phase}` };
      },
      probe: (signal) =>
        madeBlock(this.tendermintRpc as string, { signal, requestTimeout: this.#ops.probeRequestMs }),
    });
  }

  /** Endpoints on this machine (loopback, or published on 127.0.0.1) need no forwarding: returned as they are. */
  async forward(): Promise<ForwardedEndpoints> {
    return passThrough({ tendermintRpc: this.tendermintRpc, rest: this.rest });
  }

  #at(): NetworkAt<N> {
    return {
      view: this.#view,
      name: this.name,
      namespace: this.namespace,
      phase: this.phase,
      tendermintRpc: this.tendermintRpc,
      waitReady: (options) => this.waitReady(options),
    };
  }

  /**
   * Stops every node of the network (validators, sentry, followers), copies
   * their homes and starts them again; resolves once it is Ready and its
   * followers caught up. See {@link Network.checkpoint}.
   */
  async checkpoint(options: CheckpointOptions = {}): Promise<Checkpoint> {
    if (options.name !== undefined) checkCheckpointName(options.name);
    await this.refresh(options);
    const record = await checkpointNetwork(this.#ops.checkpoints, this.#at(), options);
    await this.refresh();
    return record;
  }

  /** Puts every node back as it was at checkpoint `name`; see {@link Network.restore}. */
  async restore(name: string, options: OpOptions = {}): Promise<void> {
    checkCheckpointName(name);
    await this.refresh(options);
    await restoreNetwork(this.#ops.checkpoints, this.#at(), name, options);
    await this.refresh();
  }

  /** The network's checkpoints, oldest first. */
  async checkpoints(options: OpOptions = {}): Promise<Checkpoint[]> {
    await this.refresh(options);
    return this.#ops.checkpoints.list(this.#view);
  }

  /** Removes checkpoint `name`; an unknown name is a NotFoundError. */
  async deleteCheckpoint(name: string, options: OpOptions = {}): Promise<void> {
    checkCheckpointName(name);
    await this.refresh(options);
    const ops = this.#ops.checkpoints;
    await ops.exclusive(this.#view, async () => {
      if (!(await ops.read(this.#view, name))) {
        throw new NotFoundError("checkpoint", name, { namespace: this.namespace });
      }
      await ops.remove(this.#view, name);
    });
  }

  /** Writes the network's forensics (no keys) and resolves with the path; see {@link Network.dump}. */
  async dump(options: DumpOptions = {}): Promise<string> {
    await this.refresh(options);
    const { signal } = options;
    const members = await this.#ops.checkpoints.members(this.#view, signal);
    const nodes = await Promise.all(
      members.map(
        async (m) => new NodeHandle(this.#ops, await this.#ops.viewNode(m.namespace, m.name, signal)),
      ),
    );
    return writeDump(this, nodes, options);
  }

  /** Writes checkpoint `name` to one portable file; see {@link Network.exportCheckpoint}. */
  async exportCheckpoint(name: string, file: string, options: OpOptions = {}): Promise<CheckpointExport> {
    checkCheckpointName(name);
    if (typeof file !== "string" || file.length === 0) {
      throw new UsageError("Name the file to export the checkpoint to.", { field: "file" });
    }
    throwIfAborted(options.signal, `exporting checkpoint "${name}"`);
    await this.refresh(options);
    return exportCheckpoint(
      this.#ops.checkpoints,
      this.#view,
      { network: this.name, namespace: this.namespace, name, file },
      options.signal,
    );
  }

  /**
   * Stops and removes the validators, the sentry and their state. Followers
   * still attached make it a ConflictError naming them, unless `cascade`.
   */
  async delete(options: DeleteOptions = {}): Promise<void> {
    await this.#ops.deleteNetwork(this.namespace, this.name, options);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.delete();
  }
}
