import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Client, isNotFound, open } from "../../src/index.js";
import { seidProcessesUnder } from "../local/leftovers.js";

/** The four URLs the stand-in publishes for a chain, in the CRDs' names. */
export interface ChainEndpoints {
  tendermintRpc: string;
  tendermintRest: string;
  evmJsonRpc: string;
  evmWs: string;
}

/** The chain was released (its SeiNetwork deleted, or the stand-in stopped) while a reconcile waited for it. */
export class ChainReleased extends Error {
  constructor(chainId: string) {
    super(`the real chain of "${chainId}" was released`);
    this.name = "ChainReleased";
  }
}

interface ChainBase {
  /** The local network's name (the chain id, shortened when too long). */
  local: string;
  abort: AbortController;
  released: boolean;
}

interface Chain extends ChainBase {
  network: Promise<ChainEndpoints>;
  follower?: Promise<ChainEndpoints>;
}

/** Longest chain id used as a local network name as is: `<name>-sentry` and tendermint's 50-char chain id stay in bounds. */
const MAX_LOCAL_NAME = 40;

/** How long one chain (network, or its follower) gets to come up. */
const CHAIN_DEADLINE_MS = 180_000;

/**
 * TEST-ONLY: real chains behind the endpoints the stand-in controller
 * publishes. Per chain id, one local network of one validator (its sentry
 * comes with it) made through the public API in a private temporary state
 * dir, and — only when a SeiNode asks — one follower. Everything is started
 * lazily, shared by every resource of that chain id, and deleted by
 * {@link release} or {@link stop}.
 */
export class SeidChains {
  readonly #chains = new Map<string, Chain>();
  readonly #releasing = new Set<Promise<void>>();
  #client: Promise<{ client: Client; stateDir: string }> | undefined;
  #stopped = false;

  /** The local network name for a chain id: itself, or a prefix and a hash when it is too long. */
  static localName(chainId: string): string {
    if (chainId.length <= MAX_LOCAL_NAME) return chainId;
    const hash = createHash("sha256").update(chainId).digest("hex").slice(0, 8);
    return `${chainId.slice(0, MAX_LOCAL_NAME - 9).replace(/-+$/, "")}-${hash}`;
  }

  #open(): Promise<{ client: Client; stateDir: string }> {
    this.#client ??= (async () => {
      const stateDir = await mkdtemp(join(tmpdir(), "seinet-standin-"));
      return { client: await open("local", { stateDir }), stateDir };
    })();
    return this.#client;
  }

  #chain(chainId: string): Chain {
    if (this.#stopped) throw new ChainReleased(chainId);
    let chain = this.#chains.get(chainId);
    if (!chain) {
      const base: ChainBase = {
        local: SeidChains.localName(chainId),
        abort: new AbortController(),
        released: false,
      };
      // One object: release() flips `released` on what the guards read.
      chain = Object.assign(base, { network: this.#guard(base, chainId, this.#startNetwork(base)) }) as Chain;
      this.#chains.set(chainId, chain);
    }
    return chain;
  }

  /** Rewrites a failure caused by a release into {@link ChainReleased}; never an unhandled rejection. */
  #guard(chain: ChainBase, chainId: string, p: Promise<ChainEndpoints>): Promise<ChainEndpoints> {
    const guarded = p.catch((err: unknown) => {
      throw chain.released ? new ChainReleased(chainId) : err;
    });
    guarded.catch(() => {});
    return guarded;
  }

  #signal(chain: ChainBase): AbortSignal {
    return AbortSignal.any([chain.abort.signal, AbortSignal.timeout(CHAIN_DEADLINE_MS)]);
  }

  async #startNetwork(chain: ChainBase): Promise<ChainEndpoints> {
    const { client } = await this.#open();
    const signal = this.#signal(chain);
    const net = await client.createNetwork({ name: chain.local, validators: 1 }, { signal });
    await net.waitReady({ signal });
    const validator = await client.getNode(`${chain.local}-0`, { signal });
    return endpoints(chain.local, {
      tendermintRpc: net.tendermintRpc,
      tendermintRest: net.rest,
      evmJsonRpc: validator.evmRpc,
      evmWs: validator.evmWs,
    });
  }

  /** Endpoints of the chain's network: its Tendermint RPC and REST, its validator's EVM. */
  network(chainId: string): Promise<ChainEndpoints> {
    return this.#chain(chainId).network;
  }

  /**
   * Endpoints of the chain's one follower, started on first use. A follower is
   * what makes the lone validator's sentry (and itself) caught up: block sync
   * calls a node caught up only with more than one peer.
   */
  follower(chainId: string): Promise<ChainEndpoints> {
    const chain = this.#chain(chainId);
    chain.follower ??= this.#guard(
      chain,
      chainId,
      (async () => {
        await chain.network;
        const { client } = await this.#open();
        const signal = this.#signal(chain);
        const node = await client.createNode({ name: `${chain.local}-f`, network: chain.local }, { signal });
        await node.waitReady({ signal });
        return endpoints(node.name, {
          tendermintRpc: node.tendermintRpc,
          tendermintRest: node.rest,
          evmJsonRpc: node.evmRpc,
          evmWs: node.evmWs,
        });
      })(),
    );
    return chain.follower;
  }

  /** Whether a real chain was started for this chain id (and not released). */
  has(chainId: string): boolean {
    return this.#chains.has(chainId);
  }

  /**
   * Stops a chain's processes and deletes its state (aborting it if it is
   * still coming up); a chain never started is a no-op.
   */
  release(chainId: string): Promise<void> {
    const chain = this.#chains.get(chainId);
    if (!chain) return Promise.resolve();
    this.#chains.delete(chainId);
    chain.released = true;
    chain.abort.abort();
    const done = (async () => {
      await Promise.allSettled([chain.network, chain.follower]);
      const { client } = await this.#open();
      try {
        await (await client.getNetwork(chain.local)).delete({ cascade: true });
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    })();
    this.#releasing.add(done);
    void done.finally(() => this.#releasing.delete(done)).catch(() => {});
    return done;
  }

  /**
   * Releases every chain, deletes whatever the state dir still lists, and
   * removes the state dir. A seid process still running under it afterwards is
   * killed and reported as an error.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const chainId of [...this.#chains.keys()]) void this.release(chainId);
    const released = await Promise.allSettled([...this.#releasing]);
    if (!this.#client) return;
    const { client, stateDir } = await this.#client;
    const problems = released.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
    try {
      for (const net of await client.listNetworks({ allNamespaces: true }))
        await net.delete({ cascade: true });
      await client.close();
    } catch (err) {
      problems.push(String(err));
    }
    const left = await seidProcessesUnder(stateDir);
    for (const pid of left) process.kill(pid, "SIGKILL");
    if (left.length > 0) problems.push(`seid processes left running (killed): ${left.join(", ")}`);
    await rm(stateDir, { recursive: true, force: true });
    if (problems.length > 0) throw new Error(`stopping the stand-in's real chains:\n${problems.join("\n")}`);
  }
}

function endpoints(what: string, urls: Partial<ChainEndpoints>): ChainEndpoints {
  for (const [key, url] of Object.entries(urls)) {
    if (!url) throw new Error(`local ${what} is ready but publishes no ${key}`);
  }
  return urls as ChainEndpoints;
}
