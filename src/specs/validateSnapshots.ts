import { UsageError } from "../errors/usage.js";
import { requireInt, requireObject } from "./rules.js";

/** The app.toml keys `snapshots` sets: naming them in `config` too would leave two sources for one value. */
const SNAPSHOT_KEYS = ["state-sync.snapshot-interval", "state-sync.snapshot-keep-recent"] as const;

/**
 * Checks a network's `snapshots`: a positive integer interval, an optional
 * keep-recent of at least 1 (0 would mean "keep all" to seid, never what a
 * test chain wants), and no second source for the same keys in `config`.
 */
export function validateSnapshots(value: unknown, config: unknown): void {
  requireObject(value, "snapshots", ["interval", "keepRecent"]);
  requireInt(value.interval, "snapshots.interval", 1);
  if (value.keepRecent !== undefined) requireInt(value.keepRecent, "snapshots.keepRecent", 1);
  const overrides = typeof config === "object" && config !== null ? Object.keys(config) : [];
  const clash = SNAPSHOT_KEYS.find((key) => overrides.includes(key));
  if (clash) {
    throw new UsageError(
      `\`config\` sets "${clash}" and \`snapshots\` sets it too: give the snapshot settings in \`snapshots\` only.`,
      { field: `config.${clash}` },
    );
  }
}
