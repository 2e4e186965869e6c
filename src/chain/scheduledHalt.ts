/** x/upgrade's line when a chain reaches a scheduled upgrade the running seid has no handler for. */
const UPGRADE_NEEDED = /UPGRADE \\?"([^"\\]+)\\?" NEEDED at height: (\d+)/;

/**
 * The upgrade a stopped seid halted for, read from its log: a halt at a
 * scheduled upgrade is the chain working as planned (it waits for the new
 * binary), not a crash.
 */
export function scheduledHalt(log: string): { upgrade: string; height: number } | undefined {
  const match = UPGRADE_NEEDED.exec(log);
  return match ? { upgrade: match[1] as string, height: Number(match[2]) } : undefined;
}
