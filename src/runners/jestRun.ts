import type { RunNetwork } from "./startNetwork.js";

const RUN = Symbol.for("seinet.jest.run");
type WithRun = typeof globalThis & { [RUN]?: RunNetwork };

/**
 * The network jest's globalSetup started, kept on the main process's global
 * object: globalSetup, the reporters and globalTeardown all run there (tests
 * run in workers, which get the network through the environment instead).
 */
export function runOf(): RunNetwork | undefined {
  return (globalThis as WithRun)[RUN];
}

/** Keeps (or, with undefined, forgets) the run's network. */
export function keepRun(run: RunNetwork | undefined): void {
  if (run) (globalThis as WithRun)[RUN] = run;
  else delete (globalThis as WithRun)[RUN];
}
