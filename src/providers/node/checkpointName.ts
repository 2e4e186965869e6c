import { UsageError } from "../../errors/usage.js";

/** A checkpoint name is a path segment on disk and in engine objects: kept to a safe alphabet. */
const NAME = /^[a-z0-9]([a-z0-9._-]{0,61}[a-z0-9])?$/;

/** Checks a checkpoint name before anything happens; a bad one is a UsageError naming the field. */
export function checkCheckpointName(name: unknown, field = "name"): string {
  if (typeof name !== "string" || !NAME.test(name)) {
    throw new UsageError(
      `Expected the checkpoint \`${field}\` to be 1–63 lowercase letters, digits, '.', '_' or '-' (starting and ending with a letter or digit), got ${JSON.stringify(name)}.`,
      { field },
    );
  }
  return name;
}

/** A default name, sortable by time: `cp-20260101-120000-123`. */
export function defaultCheckpointName(now = new Date()): string {
  const iso = now.toISOString();
  return `cp-${iso.slice(0, 10).replaceAll("-", "")}-${iso.slice(11, 19).replaceAll(":", "")}-${iso.slice(20, 23)}`;
}
