// seinet/vitest/setup: vitest's globalSetup runs outside the test workers, where
// importing "vitest" fails, so the setup side lives apart from seinet/vitest.
import type { SeinetNetwork } from "./seinetNetwork.js";
import { type ManifestInput, type StartNetworkOptions, startNetwork } from "./startNetwork.js";

/** The part of vitest's global-setup context the helper uses (`TestProject` in vitest 3). */
export interface ProvideContext {
  provide(key: "seinet", value: SeinetNetwork): void;
  /** vitest 3: the run's state, read at teardown to tell whether a test file failed. */
  vitest?: { state?: { getFiles?(): { filepath?: string; result?: { state?: string } }[] } };
}

/** Test files of the run that failed, as vitest's state says at teardown. */
function failedFiles(context: ProvideContext): string[] {
  const files = context.vitest?.state?.getFiles?.() ?? [];
  return files.filter((f) => f.result?.state === "fail").map((f) => f.filepath ?? "?");
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
    return async () => {
      const failed = failedFiles(context);
      if (failed.length > 0) {
        const path = await run
          .dump(`seinet-dump-${run.network.name}.tgz`)
          .catch((err: Error) => `(failed: ${err.message})`);
        process.stderr.write(
          `seinet: ${failed.length} test file(s) failed; dump of network ${run.network.name}: ${path}\n`,
        );
      }
      await run.stop();
    };
  };
}

export type { ManifestInput, StartNetworkOptions } from "./startNetwork.js";
