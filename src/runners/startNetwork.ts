import { type BroughtUp, bringUp } from "../bringUp/bringUp.js";
import { seidImage } from "../bringUp/seidImage.js";
import type { Client } from "../client/client.js";
import { dumpNetwork } from "../dump/dumpNetwork.js";
import { logger } from "../internal/debug.js";
import { seconds } from "../internal/duration.js";
import { loadManifest } from "../manifest/loadManifest.js";
import type { Manifest, ResolvedManifest } from "../manifest/types.js";
import { validateManifest } from "../manifest/validateManifest.js";
import { waitEvmServing } from "../readiness/waitEvmServing.js";
import { open } from "../registry/open.js";
import type { SeinetNetwork } from "./seinetNetwork.js";

const log = logger("runner");

/** A manifest file's path, or the manifest itself. */
export type ManifestInput = string | Manifest;

/** Test accounts a runner's network funds when the manifest names no count. */
export const DEFAULT_RUNNER_ACCOUNTS = 16;

/** Options of every runner helper. */
export interface StartNetworkOptions {
  signal?: AbortSignal;
  /** Progress lines; default: `DEBUG=seinet:runner`. */
  onProgress?: (line: string) => void;
  /** One line on stderr when the network is ready (default true). */
  announce?: boolean;
  /**
   * Make the network in a session (default true): if the test run dies,
   * however it dies, a watchdog deletes the network within seconds.
   */
  session?: boolean;
  /**
   * A new genesis even when a warm template matches. By default the local
   * and docker modes clone the template of the same seid and chain facts, or
   * makes one, as `seinet up` does: a run after the first skips InitChain.
   */
  fresh?: boolean;
}

/** A running network for one test run, and the one way to end it. */
export interface RunNetwork {
  network: SeinetNetwork;
  /** Writes the network's forensics (`dumpNetwork`) to `out` and returns the path; call before `stop`. */
  dump(out?: string): Promise<string>;
  /** Deletes the network and its followers; safe to call twice. */
  stop(): Promise<void>;
}

async function resolveInput(
  input: ManifestInput,
  signal: AbortSignal | undefined,
): Promise<ResolvedManifest> {
  return typeof input === "string" ? loadManifest(input, { signal }) : validateManifest(input);
}

/** How long a validator's EVM server may lag its first blocks (a clone has blocks before EVM serves). */
const EVM_SERVING_TIMEOUT_MS = 60_000;

async function evmChainId(evmRpc: string, signal: AbortSignal | undefined): Promise<number> {
  // bringUp gates followers' EVM; a network without followers hands out a validator's.
  await waitEvmServing(evmRpc, { timeout: EVM_SERVING_TIMEOUT_MS, ...(signal ? { signal } : {}) });
  const res = await fetch(evmRpc, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
    ...(signal ? { signal } : {}),
  });
  return Number.parseInt(((await res.json()) as { result: string }).result, 16);
}

async function describe(client: Client, up: BroughtUp, mode: SeinetNetwork["mode"], signal?: AbortSignal) {
  const net = up.network;
  const nodes = await client.listNodes({ network: net.name, namespace: net.namespace });
  const entry = up.followers[0] ?? nodes.find((n) => n.role === "validator");
  const evmRpc = entry?.evmRpc ?? "";
  const network: SeinetNetwork = {
    mode,
    name: net.name,
    namespace: net.namespace,
    chainId: net.chainId,
    evmChainId: await evmChainId(evmRpc, signal),
    evmRpc,
    evmWs: entry?.evmWs ?? null,
    tendermintRpc: entry?.tendermintRpc ?? net.tendermintRpc ?? "",
    rest: entry?.rest ?? net.rest ?? null,
    nodes: nodes.map((n) => ({
      name: n.name,
      role: n.role ?? "follower",
      evmRpc: n.evmRpc ?? null,
      evmWs: n.evmWs ?? null,
      tendermintRpc: n.tendermintRpc ?? null,
      rest: n.rest ?? null,
    })),
    testAccounts: net.testAccounts?.length ?? 0,
  };
  return network;
}

/**
 * Starts the network a test run asks for: validates the manifest first (a bad
 * one is a UsageError before anything is made), brings the network and its
 * followers up, and returns plain data for the tests plus `stop`. What the
 * runner helpers (`seinet/vitest`, `seinet/jest`, `seinet/node-test`) share.
 *
 * @example
 * ```ts
 * import { startNetwork } from "seinet/node-test";
 * const run = await startNetwork("seinet.yaml");
 * try { console.log(run.network.evmRpc); } finally { await run.stop(); }
 * ```
 */
export async function startNetwork(
  input: ManifestInput,
  options: StartNetworkOptions = {},
): Promise<RunNetwork> {
  const { signal } = options;
  const manifest = await resolveInput(input, signal);
  const mode = manifest.mode ?? (process.env.SEINET_MODE === "docker" ? "docker" : "local");
  const progress = options.onProgress ?? ((line: string) => log("%s", line));
  const started = performance.now();
  const { binary, image, ...rest } = manifest.network;
  const live = signal ?? new AbortController().signal;
  // The file may name both: the mode picks its own (docker builds an image from `binary` when it names none).
  const runs =
    mode === "docker"
      ? { image: image ?? (await seidImage(binary, progress, live)) }
      : binary
        ? { binary }
        : {};
  const spec = { ...rest, ...runs, testAccounts: rest.testAccounts ?? DEFAULT_RUNNER_ACCOUNTS };
  const client = await open(mode, { onProgress: progress, signal, session: options.session ?? true });
  let up: BroughtUp | undefined;
  let network: SeinetNetwork;
  try {
    up = await bringUp(
      client,
      {
        network: spec,
        followers: manifest.followers,
        timeoutMs: manifest.timeoutMs ?? 5 * 60_000,
        template: options.fresh ? "fresh" : "reuse",
      },
      { signal: live, progress },
    );
    network = await describe(client, up, mode, signal);
  } catch (err) {
    await up?.network.delete({ cascade: true }).catch(() => {});
    await client.close();
    throw err;
  }
  const made = up;
  if (options.announce !== false) {
    process.stderr.write(
      `seinet: network ${network.name} (${mode}) ready in ${seconds(performance.now() - started)}: ${network.evmRpc}\n`,
    );
  }
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= made.network.delete({ cascade: true }).finally(() => client.close());
    return stopping;
  };
  const dump = (out?: string) => dumpNetwork(client, network.name, { out, signal });
  return { network, dump, stop };
}
