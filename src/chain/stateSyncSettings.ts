import { parse, stringify } from "smol-toml";
import { setDotted } from "./dottedPath.js";

/** How long a trusted header stays trusted; seid's own default, far longer than any test chain lives. */
export const DEFAULT_TRUST_PERIOD = "168h0m0s";

/** A follower's state-sync bootstrap: light-client witnesses and the block it trusts. */
export interface StateSyncSettings {
  /** ≥ 2 bare `host:port` Tendermint RPC servers; the first is the light client's primary. */
  rpcServers: readonly string[];
  /** A height the node trusts without verification, at or below the snapshot it restores. */
  trustHeight: number;
  /** The block hash at `trustHeight`, upper-case hex as `/block` gives it. */
  trustHash: string;
  /** Default {@link DEFAULT_TRUST_PERIOD}. */
  trustPeriod?: string | undefined;
}

/**
 * config.toml's `[statesync]` keys for a bootstrap, by dotted path. Light
 * verification goes over RPC (`use-p2p = false`, so the witnesses are the
 * `rpc-servers`); snapshot chunks still come over p2p from snapshot-serving
 * peers. Discovery is cut from 15 s to 5 s (the least sei-tendermint accepts)
 * and a chunk request to 5 s: a test chain's snapshots are small and
 * short-lived, and waiting longer lets the newest one be pruned while it is
 * fetched.
 */
export function stateSyncSettings(settings: StateSyncSettings): Record<string, unknown> {
  return {
    "statesync.enable": true,
    "statesync.use-p2p": false,
    "statesync.rpc-servers": settings.rpcServers.join(","),
    "statesync.trust-height": settings.trustHeight,
    "statesync.trust-hash": settings.trustHash,
    "statesync.trust-period": settings.trustPeriod ?? DEFAULT_TRUST_PERIOD,
    "statesync.discovery-time": "5s",
    "statesync.chunk-request-timeout": "5s",
  };
}

/** Writes the `[statesync]` keys into an existing config.toml's text (a re-bootstrap of a configured node). */
export function withStateSync(configToml: string, settings: StateSyncSettings): string {
  const doc = parse(configToml) as Record<string, unknown>;
  for (const [key, value] of Object.entries(stateSyncSettings(settings))) setDotted(doc, key, value);
  return `${stringify(doc)}\n`;
}
