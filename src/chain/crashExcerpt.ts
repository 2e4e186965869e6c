/**
 * Where Go's crash report begins; the goroutine dumps that follow it can run to
 * hundreds of lines. `Error: ` is cobra's: seid refusing to start (a failed
 * state sync, a bad flag) prints it, then ~80 lines of usage.
 */
const CRASH_START = /^(panic: |fatal error: |SIG[A-Z]+: |Error: )/;

/** How many lines just before the crash report are kept: seid often logs the cause there. */
const LEAD = 5;

/** How many earlier error lines are kept: a failed start logs its cause, then shuts down at length. */
const EARLIER_ERRORS = 5;

/** seid's error lines (slog's logfmt, or JSON logs). */
const ERROR_LINE = /\blevel=(ERROR|error)\b|"level":"error"/;

/**
 * The lines of a seid log that say why it stopped: the last `lines` lines, or,
 * when seid crashed, the crash report from its first line on, after the few
 * lines before it and the last error lines logged earlier (at most half the
 * excerpt). A long goroutine dump cannot push the panic message (x/upgrade's
 * "BINARY UPDATED BEFORE TRIGGER") out, nor a long shutdown the error that
 * caused it (state sync's "appHash verification failed").
 */
export function crashExcerpt(log: string, lines = 40): string {
  if (lines <= 0) return "";
  const all = log.split("\n");
  if (all.at(-1) === "") all.pop();
  let start = -1;
  for (let i = all.length - 1; i >= 0; i--) {
    if (CRASH_START.test(all[i]!)) {
      start = i;
      // A re-panic ("panic: … [recovered]") follows the first one: report from the first.
      while (start > 0 && CRASH_START.test(all[start - 1]!)) start--;
      break;
    }
  }
  if (start < 0) return all.slice(-lines).join("\n");
  const lead = all.slice(Math.max(0, start - LEAD), start);
  const earlier = all
    .slice(0, start - lead.length)
    .filter((line) => ERROR_LINE.test(line))
    .slice(-EARLIER_ERRORS);
  // Context takes at most half the excerpt: the earlier errors first, then the lines just before.
  const half = Math.floor(lines / 2);
  const errors = earlier.slice(earlier.length - Math.min(earlier.length, half));
  const context = [...errors, ...lead.slice(lead.length - Math.min(lead.length, half - errors.length))];
  return [...context, ...all.slice(start, start + lines - context.length)].join("\n");
}
