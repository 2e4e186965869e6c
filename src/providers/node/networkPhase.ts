import type { NodeRole } from "../../chain/config.js";
import type { NetworkPhase, NodePhase } from "../../specs/types.js";

/** What the phase of a network takes from each of its validators and its sentry. */
export interface MemberState {
  name: string;
  role: NodeRole;
  alive: boolean;
  phase: NodePhase;
  reason: string | undefined;
}

/**
 * A started network's phase from its validators and sentry: all running is
 * Ready; all stopped ones halted at a scheduled upgrade is Paused (until they
 * run the new binary); more than two thirds of the validators running is
 * Degraded (blocks still come, and a dead sentry degrades a lone validator's
 * network); less is Failed (consensus has stopped). Each mode decides first
 * whether the network is still being made or removed.
 */
export function networkPhase(members: readonly MemberState[]): { phase: NetworkPhase; reason?: string } {
  const down = members.filter((n) => !n.alive);
  if (down.length === 0) return { phase: "Ready" };
  const describe = down.map((n) => `${n.name}: ${n.reason}`).join("; ");
  if (down.every((n) => n.phase === "Halted")) return { phase: "Paused", reason: describe };
  const validators = members.filter((n) => n.role === "validator");
  const live = validators.filter((n) => n.alive).length;
  if (live * 3 > validators.length * 2) return { phase: "Degraded", reason: describe };
  return { phase: "Failed", reason: describe };
}
