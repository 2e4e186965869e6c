/** Version of the `--json` document shape; bumped on incompatible changes. */
export const JSON_SCHEMA_VERSION = 1;

/** Where a command writes: data to stdout, progress and errors to stderr. */
export interface Output {
  json: boolean;
  /** One versioned JSON document, or the human rendering. */
  result(data: Record<string, unknown>, human: () => string): void;
  /** A progress line on stderr (suppressed with --json unless on a terminal). */
  progress(line: string): void;
}

/** Builds the output for one CLI run. */
export function createOutput(json: boolean, stdout = process.stdout, stderr = process.stderr): Output {
  return {
    json,
    result(data, human) {
      if (json) stdout.write(`${JSON.stringify({ schemaVersion: JSON_SCHEMA_VERSION, ...data }, null, 2)}\n`);
      else stdout.write(`${human()}\n`);
    },
    progress(line) {
      if (!json || stderr.isTTY) stderr.write(`${stderr.isTTY ? "› " : ""}${line}\n`);
    },
  };
}

/** Renders rows as an aligned text table. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(headers), ...rows.map(line)].join("\n");
}
