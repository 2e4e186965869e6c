// seinet/node-test: a network for a node:test file, made in `before` and
// deleted in `after`.
import { after, before } from "node:test";
import type { TestAccount } from "../chain/testAccount.js";
import { UsageError } from "../errors/usage.js";
import type { SeinetNetwork } from "./seinetNetwork.js";
import {
  type ManifestInput,
  type RunNetwork,
  type StartNetworkOptions,
  startNetwork,
} from "./startNetwork.js";
import { workerAccount } from "./workerAccount.js";

/** The network of a test file, and its first funded account. */
export interface SeinetHandle {
  /** The network; throws before `before` has run. */
  (): SeinetNetwork;
  /** Funded account `index` (default 0) of the network. */
  account(index?: number): TestAccount;
}

/**
 * Registers `before`/`after` hooks that start the manifest's network for this
 * file and delete it afterwards; a manifest that fails validation fails the
 * file in `before`, before anything is made.
 *
 * @example
 * ```ts
 * import { test } from "node:test";
 * import { useSeinet } from "seinet/node-test";
 * const seinet = useSeinet("./seinet.yaml");
 * test("serves EVM", async () => { await fetch(seinet().evmRpc); });
 * ```
 */
export function useSeinet(manifest: ManifestInput, options: StartNetworkOptions = {}): SeinetHandle {
  let run: RunNetwork | undefined;
  before(async () => {
    run = await startNetwork(manifest, options);
  });
  after(async () => {
    await run?.stop();
  });
  const network = () => {
    if (!run) throw new UsageError("The seinet network is not up yet: use it inside a test, after `before`.");
    return run.network;
  };
  return Object.assign(network, { account: (index = 0) => workerAccount(network(), index) });
}

export { startNetwork } from "./startNetwork.js";
export { type EvmChain, evmChain } from "./evmChain.js";
export type { SeinetNetwork, SeinetNode } from "./seinetNetwork.js";
export type { ManifestInput, RunNetwork, StartNetworkOptions } from "./startNetwork.js";
export type { TestAccount } from "../chain/testAccount.js";
