/**
 * Where the ceremony's seid commands run and its files live: the host (local
 * mode) or a container (docker mode). The ceremony itself is written once,
 * against this interface.
 */
export interface ChainRuntime {
  /** Runs `seid <args>` and resolves with its stdout; rejects with its stderr. */
  seid(args: readonly string[], signal: AbortSignal | undefined): Promise<string>;
  readFile(path: string): Promise<string>;
  /**
   * Reads several small files at once, in order. A container runtime reads
   * each directory in one archive call: calls, not bytes, cost there.
   */
  readFiles(paths: readonly string[]): Promise<string[]>;
  writeFile(path: string, data: string): Promise<void>;
  /** Writes several files at once; in a container, one archive call per directory. */
  writeFiles(files: readonly FileToWrite[]): Promise<void>;
  /** Creates a directory and its parents. */
  mkdir(path: string): Promise<void>;
}

/** A file {@link ChainRuntime.writeFiles} writes: its path as the runtime sees it, and its text. */
export interface FileToWrite {
  path: string;
  data: string;
  /** Permission bits of a file made new (default 0644); keys are 0600. */
  mode?: number;
}
