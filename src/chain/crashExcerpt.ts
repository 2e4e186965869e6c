/**
 * Where Go's crash report begins; the goroutine dumps that follow it can run to
 * hundreds of lines. `Error: ` is cobra's: seid refusing to start (a failed
 * state sync, a bad flag) prints it, then ~80 lines of usage.
 */
const CRASH_START = /^(panic: |fatal error: |SIG[A-Z]+: |Error: )/;

/** How many lines before the crash report are kept: seid often logs the cause just before panicking. */
const LEAD = 5;

/**
 * The lines of a seid log that say why it stopped: the last `lines` lines, or,
 * when seid crashed, the crash report from its first line on (with the few
 * lines before it), so a long goroutine dump cannot push the panic message
 * (for example x/upgrade's "BINARY UPDATED BEFORE TRIGGER") out of the excerpt.
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
  if (start < 0 || all.length - start <= lines) return all.slice(-lines).join("\n");
  const from = Math.max(0, start - LEAD);
  return all.slice(from, from + lines).join("\n");
}
