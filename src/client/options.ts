/** Options every async verb takes: the caller owns cancellation and deadlines. */
export interface OpOptions {
  /**
   * Aborts the operation. A deadline (`AbortSignal.timeout(ms)`) surfaces as a
   * TimeoutError, any other abort as a CanceledError.
   */
  signal?: AbortSignal;
}

/** Options of the `get*` verbs. */
export interface GetOptions extends OpOptions {
  /** Namespace to look in (k8s); the client's default when empty. */
  namespace?: string;
}

/** Options of the `list*` verbs. */
export interface ListOptions extends OpOptions {
  /** Namespace to list; the client's default when empty. */
  namespace?: string;
  /** List every namespace (overrides `namespace`). */
  allNamespaces?: boolean;
  /** `listNodes` only: nodes of this network (validators, sentry and followers). */
  network?: string;
}

/** Options of `logs`. */
export interface LogOptions extends OpOptions {
  /** Keep streaming new lines until the signal aborts. */
  follow?: boolean;
  /** Start with only the last N lines. */
  tail?: number;
}

/** Options of `delete`. */
export interface DeleteOptions extends OpOptions {
  /**
   * Network only: also delete the followers attached to it. Without it, a
   * local network with followers refuses to go (ConflictError naming them).
   */
  cascade?: boolean;
}

/** Options of `createNetwork`. */
export interface CreateNetworkOptions extends OpOptions {
  /**
   * `"fresh"` (default): a new genesis. `"reuse"` (local mode): clone the warm
   * template made from the same seid, counts, chain id, genesis, config and
   * accounts, under the new name with fresh ports, skipping InitChain; when
   * none matches, make the network fresh and keep it as that template.
   */
  template?: "fresh" | "reuse";
  /**
   * Local mode: a portable checkpoint (`seinet checkpoint export`, or
   * `Network.exportCheckpoint`) to start the network from: its chain, keys,
   * chain id and height, under the new name with fresh ports. The spec's
   * `validators` must match the archive's; `chainId` may be left out (the
   * archive's) and `genesis` and `accounts` must be (the chain is made).
   * An archive of another seid commit, a damaged one, or one of a newer
   * format is a UsageError before anything is made.
   */
  from?: string;
}

/** Options of `dumpNetwork` and `Network.dump`. */
export interface DumpOptions extends OpOptions {
  /** A directory to write into, or a `.tgz` file; default `./seinet-dump-<network>-<time>.tgz`. */
  out?: string | undefined;
  /** Log lines kept per node (default 400). */
  tailLines?: number;
  /** How long heights are sampled, ms (default 3000). */
  sampleMs?: number;
}
