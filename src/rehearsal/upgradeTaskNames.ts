/** What an upgrade rehearsal runs a task for. */
export type UpgradeTaskStep = "propose" | "vote" | "halt" | "swap";

/** Names the next task of a rehearsal's step; every name it gives is distinct. */
export type UpgradeTaskNames = (step: UpgradeTaskStep) => string;

/**
 * Task names for one rehearsal, `up-<id>-…`: the proposal once, votes counted
 * on their own, halts and swaps on one shared counter. Task names must be
 * unique where the mode stores tasks, so every step draws from here.
 */
export function upgradeTaskNames(id: string): UpgradeTaskNames {
  let votes = 0;
  let steps = 0;
  return (step) => {
    if (step === "propose") return `up-${id}-propose`;
    if (step === "vote") return `up-${id}-vote-${votes++}`;
    return `up-${id}-${step}-${steps++}`;
  };
}
