/**
 * Where the ceremony's seid commands run and its files live: the host (local
 * mode) or a container (docker mode). The ceremony itself is written once,
 * against this interface.
 */
export interface ChainRuntime {
  /** Runs `seid <args>` and resolves with its stdout; rejects with its stderr. */
  seid(args: readonly string[], signal: AbortSignal | undefined): Promise<string>;
  readFile(path: string): Promise<string>;
  writeFile(path: string, data: string): Promise<void>;
  /** Creates a directory and its parents. */
  mkdir(path: string): Promise<void>;
}
