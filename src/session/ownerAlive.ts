import { readFileSync } from "node:fs";

/** Fields of `/proc/<pid>/stat` after the command name: state is [0], start time [19]. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

/** A process's start time in clock ticks since boot (Linux), or null where /proc does not say. */
export function processStartTime(pid: number): string | null {
  return statFields(pid)?.[19] ?? null;
}

/**
 * True while the process that owns a session runs: it exists, is not a
 * zombie, and (where /proc says) started when the session recorded, so a pid
 * the kernel reused for another process does not keep a session alive.
 */
export function ownerAlive(pid: number, pidStart: string | null): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const fields = statFields(pid);
  if (!fields) return process.platform !== "linux";
  if (fields[0] === "Z" || fields[0] === "X") return false;
  return pidStart === null || fields[19] === pidStart;
}
