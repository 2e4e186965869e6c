// seinet/vitest/setup: vitest's globalSetup runs outside the test workers, where
// importing "vitest" fails, so the setup side lives apart from seinet/vitest.
import type { SeinetNetwork } from "./seinetNetwork.js";
import { type ManifestInput, type StartNetworkOptions, startNetwork } from "./startNetwork.js";

/** The part of vitest's global-setup context the helper uses (`TestProject` in vitest 3). */
export interface ProvideContext {
  provide(key: "seinet", value: SeinetNetwork): void;
}

/**
 * A vitest `globalSetup` that starts one network for the whole run, provides
 * its endpoints to every test file, and deletes it when the run ends. A
 * manifest that fails validation fails the run here, before anything is made.
 *
 * @example
 * ```ts
 * // seinet.setup.ts, listed in vitest.config.ts as test.globalSetup
 * import { seinetGlobalSetup } from "seinet/vitest/setup";
 * export default seinetGlobalSetup("./seinet.yaml");
 * ```
 */
export function seinetGlobalSetup(
  manifest: ManifestInput,
  options: StartNetworkOptions = {},
): (context: ProvideContext) => Promise<() => Promise<void>> {
  return async (context) => {
    const run = await startNetwork(manifest, options);
    context.provide("seinet", run.network);
    return run.stop;
  };
}

export type { ManifestInput, StartNetworkOptions } from "./startNetwork.js";
