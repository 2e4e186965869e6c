import { UsageError } from "../errors/usage.js";

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** Longest deadline a Node timer holds (about 24.8 days). */
const MAX_MS = 2 ** 31 - 1;

/**
 * Parses a CLI duration (`90s`, `5m`, `300000ms`, `1.5h`) into milliseconds.
 * A unit is required, so `--timeout 300` cannot be misread as seconds or ms.
 *
 * @param flag Names the flag in the error, e.g. `--timeout`.
 */
export function parseDuration(value: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(value.trim());
  const ms = match ? Math.round(Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]) : Number.NaN;
  if (!(ms > 0) || ms > MAX_MS) {
    throw new UsageError(
      `Expected \`${flag}\` to be a positive duration with a unit (90s, 5m, 300000ms, 1h), got ${JSON.stringify(value)}.`,
      { field: flag },
    );
  }
  return ms;
}

/** Renders milliseconds as seconds with one decimal, e.g. `4.2 s`. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
