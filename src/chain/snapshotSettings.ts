import type { SnapshotsSpec } from "../specs/types.js";

/** seid's own default of `snapshot-keep-recent`, kept when the spec does not say. */
export const DEFAULT_SNAPSHOT_KEEP_RECENT = 2;

/**
 * The app.toml keys that make a node take state-sync snapshots, by dotted
 * path (`[state-sync]` in Sei v6's app.toml, checked against `seid init` of
 * v6.6.2). One mapping for every mode: the local and docker modes write it
 * into app.toml, the k8s mode into SeiNetwork `configOverrides`. With SeiDB
 * (Sei's default store) there is no `pruning-keep-every` to line up with: a
 * snapshot is exported from the state-commit store at the height it is taken.
 *
 * @example
 * ```ts
 * snapshotSettings({ interval: 10 }); // { "state-sync.snapshot-interval": 10, "state-sync.snapshot-keep-recent": 2 }
 * ```
 */
export function snapshotSettings(spec: SnapshotsSpec): Record<string, number> {
  return {
    "state-sync.snapshot-interval": spec.interval,
    "state-sync.snapshot-keep-recent": spec.keepRecent ?? DEFAULT_SNAPSHOT_KEEP_RECENT,
  };
}
