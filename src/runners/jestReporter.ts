// seinet/jest/reporter: jest gives its globalTeardown no results, but its
// reporters run in the same process as globalSetup, after the tests and before
// the teardown: the one place to write a dump of a network a failing run used.
import { runOf } from "./jestRun.js";

/** The part of jest's aggregated results the reporter reads. */
export interface JestRunResults {
  numFailedTestSuites?: number;
  numRuntimeErrorTestSuites?: number;
}

/**
 * A jest reporter that writes a dump of the run's network (`dumpNetwork`: log
 * tails, status, configs, heights; no keys) when a test file failed, and
 * prints where it is. List it beside the default reporter; it needs
 * `seinet/jest`'s globalSetup.
 *
 * @example
 * ```js
 * // jest.config.mjs
 * export default { reporters: ["default", "seinet/jest/reporter"], globalSetup: "./seinet.setup.mjs" };
 * ```
 */
export default class SeinetDumpReporter {
  readonly #out: string | undefined;

  /** jest passes the global config and `[path, options]`'s options: `{ out }` names the dump file. */
  constructor(_globalConfig?: unknown, options?: { out?: string }) {
    this.#out = options?.out;
  }

  async onRunComplete(_contexts: unknown, results: JestRunResults): Promise<void> {
    const failed = (results.numFailedTestSuites ?? 0) + (results.numRuntimeErrorTestSuites ?? 0);
    const run = runOf();
    if (failed === 0 || !run) return;
    const path = await run
      .dump(this.#out ?? `seinet-dump-${run.network.name}.tgz`)
      .catch((err: Error) => `(failed: ${err.message})`);
    process.stderr.write(
      `seinet: ${failed} test file(s) failed; dump of network ${run.network.name}: ${path}\n`,
    );
  }

  /** jest asks a reporter whether it saw an error of its own: never. */
  getLastError(): undefined {
    return undefined;
  }
}
