// seinet/jest: one network per jest run. Jest runs globalSetup in its own
// process and gives tests only the environment, so the network travels as JSON
// in SEINET_NETWORK (plain data, no keys).
import type { TestAccount } from "../chain/testAccount.js";
import { UsageError } from "../errors/usage.js";
import { keepRun, runOf } from "./jestRun.js";
import type { SeinetNetwork } from "./seinetNetwork.js";
import { type ManifestInput, type StartNetworkOptions, startNetwork } from "./startNetwork.js";
import { workerAccount, workerIndex } from "./workerAccount.js";

/** The environment variable that carries the network to jest's workers. */
export const SEINET_NETWORK_ENV = "SEINET_NETWORK";

/**
 * A jest `globalSetup`: starts the network once for the run. Pair it with
 * {@link seinetGlobalTeardown}, and add `seinet/jest/reporter` to `reporters`
 * for a dump when a test file fails. A manifest that fails validation fails the run
 * here, before anything is made.
 *
 * @example
 * ```js
 * // seinet.setup.mjs, listed in jest.config.mjs as globalSetup
 * import { seinetGlobalSetup } from "seinet/jest";
 * export default seinetGlobalSetup("./seinet.yaml");
 * ```
 */
export function seinetGlobalSetup(
  manifest: ManifestInput,
  options: StartNetworkOptions = {},
): () => Promise<void> {
  return async () => {
    const run = await startNetwork(manifest, options);
    keepRun(run);
    process.env[SEINET_NETWORK_ENV] = JSON.stringify(run.network);
  };
}

/**
 * A jest `globalTeardown`: deletes the network the setup made.
 *
 * @example
 * ```js
 * // seinet.teardown.mjs, listed in jest.config.mjs as globalTeardown
 * export { seinetGlobalTeardown as default } from "seinet/jest";
 * ```
 */
export async function seinetGlobalTeardown(): Promise<void> {
  await runOf()?.stop();
  keepRun(undefined);
}

/** The run's network, inside a test file. */
export function useSeinet(): SeinetNetwork {
  const raw = process.env[SEINET_NETWORK_ENV];
  if (!raw) {
    throw new UsageError(
      `No seinet network in this jest run: $${SEINET_NETWORK_ENV} is unset. List seinet's setup in jest.config's globalSetup.`,
    );
  }
  return JSON.parse(raw) as SeinetNetwork;
}

/** This worker's own funded account (worker i, from `JEST_WORKER_ID`, takes `TEST_MNEMONIC` account i). */
export function useWorkerAccount(): TestAccount {
  return workerAccount(useSeinet(), workerIndex(process.env.JEST_WORKER_ID));
}

export { type EvmChain, evmChain } from "./evmChain.js";
export type { SeinetNetwork, SeinetNode } from "./seinetNetwork.js";
export type { ManifestInput, StartNetworkOptions } from "./startNetwork.js";
export type { TestAccount } from "../chain/testAccount.js";
