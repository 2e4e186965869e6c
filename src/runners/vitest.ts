// seinet/vitest: the test-file side of one network per `vitest run`; the
// globalSetup is seinet/vitest/setup (vitest must not be imported there).
import { inject } from "vitest";
import type { TestAccount } from "../chain/testAccount.js";
import type { SeinetNetwork } from "./seinetNetwork.js";
import { workerAccount, workerIndex } from "./workerAccount.js";

declare module "vitest" {
  export interface ProvidedContext {
    seinet: SeinetNetwork;
  }
}

/**
 * The run's network, inside a test file.
 *
 * @example
 * ```ts
 * import { useSeinet } from "seinet/vitest";
 * const { evmRpc, evmChainId } = useSeinet();
 * ```
 */
export function useSeinet(): SeinetNetwork {
  return inject("seinet");
}

/**
 * This worker's own funded account (worker i, from `VITEST_POOL_ID`, takes
 * `TEST_MNEMONIC` account i), so parallel files never share a nonce.
 */
export function useWorkerAccount(): TestAccount {
  return workerAccount(useSeinet(), workerIndex(process.env.VITEST_POOL_ID));
}

export { type EvmChain, evmChain } from "./evmChain.js";
export type { SeinetNetwork, SeinetNode } from "./seinetNetwork.js";
export type { ManifestInput, StartNetworkOptions } from "./startNetwork.js";
export type { TestAccount } from "../chain/testAccount.js";
