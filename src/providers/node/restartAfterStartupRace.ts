import { seidStartupRace } from "../../chain/startupRace.js";
import { logger } from "../../internal/debug.js";
import type { DeadNode } from "./failure.js";
import type { NodeOps } from "./nodeOps.js";

const log = logger("ready");

/**
 * Starts a dead node again, from its own home, when seid died of its known
 * consensus start-up race ({@link seidStartupRace}), at most once per node
 * per wait (`restarted` holds the names already started again). A readiness
 * wait then keeps waiting instead of failing a test suite on a seid bug that
 * a second start does not meet. Any other death, a second one, or a mode
 * without restarts is left to fail the wait. Resolves true when it restarted.
 */
export async function restartAfterStartupRace<N, V>(
  ops: NodeOps<N, V>,
  dead: V,
  left: DeadNode | undefined,
  restarted: Set<string>,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  const faults = ops.faults;
  const { name } = ops.nodeFacts(dead);
  if (!faults?.restart || restarted.has(name) || !seidStartupRace(left?.crashLog)) return false;
  restarted.add(name);
  log("%s: seid died of its consensus start-up race (a nil HeightVoteSet); starting it again", name);
  await faults.restart(dead, signal);
  return true;
}
