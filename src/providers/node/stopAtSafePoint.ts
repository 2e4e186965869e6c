import { setTimeout as delay } from "node:timers/promises";
import { SIGN_STATE_FILE, type WeighedSignState, parseSignState, safeToStop } from "../../chain/signState.js";
import { logger } from "../../internal/debug.js";
import { fetchStatus } from "../../readiness/status.js";
import { votingPowers } from "../../readiness/votingPowers.js";
import type { CheckpointMember, CheckpointOps } from "./checkpointOps.js";

const log = logger("checkpoint");

/** Freezes tried before the validators are stopped wherever they are. */
export const SAFE_POINT_TRIES = 40;

/** How long the validators run between two freezes, ms: about a block's prevote window at most. */
const RETRY_GAP_MS = [15, 60] as const;

/** How {@link stopAtSafePoint} went. */
export interface SafeStop {
  /** Freezes it took; 0 when there was no validator. */
  tries: number;
  /** False when no safe point came within {@link SAFE_POINT_TRIES} and the validators were stopped as they were. */
  safe: boolean;
}

/**
 * Stops a network's validators at a point where each can start again on its
 * home without halting the chain ({@link safeToStop}): freeze them all, read
 * their sign states, and end them there at once (SIGKILL, so none signs
 * another vote on its way out) when it is safe; else let them run a few ms
 * and try again. The other nodes sign nothing and stop as usual, meanwhile.
 * Whatever fails, no validator is left frozen; an aborted signal ends the
 * search (they are stopped where they are), never the stop.
 */
export async function stopAtSafePoint<N>(
  ops: CheckpointOps<N>,
  members: readonly CheckpointMember[],
  tendermintRpc: string | undefined,
  signal: AbortSignal | undefined,
  random: () => number = Math.random,
): Promise<SafeStop> {
  const validators = members.filter((m) => m.role === "validator");
  const others = members.filter((m) => m.role !== "validator");
  const t0 = Date.now();
  const powers = await weigh(validators, tendermintRpc, signal);
  log("voting powers %j read in %d ms", powers, Date.now() - t0);
  // Both settle before this returns: a failure on one side leaves no stop running on the other.
  const [result, rest] = await Promise.allSettled([
    stopValidators(ops, validators, powers, signal, random),
    ops.stop(others, signal),
  ]);
  if (result.status === "rejected") throw result.reason;
  if (rest.status === "rejected") throw rest.reason;
  return result.value;
}

/**
 * Each validator's voting power, read while the network runs: its address
 * (from its own `/status`) in the set Tendermint RPC reports. Where the set
 * cannot be read, every validator weighs the same; a validator whose address
 * cannot be read weighs as much as the heaviest one.
 */
async function weigh(
  validators: readonly CheckpointMember[],
  tendermintRpc: string | undefined,
  signal: AbortSignal | undefined,
): Promise<number[]> {
  if (validators.length <= 1 || tendermintRpc === undefined) return validators.map(() => 1);
  const probe = signal ? { signal } : {};
  const powers = await votingPowers(tendermintRpc, probe).catch(() => undefined);
  if (powers === undefined || powers.size === 0) return validators.map(() => 1);
  const heaviest = Math.max(...powers.values());
  return Promise.all(
    validators.map(async (m) => {
      const status = m.tendermintRpc
        ? await fetchStatus(m.tendermintRpc, probe).catch(() => undefined)
        : undefined;
      const address = status?.validatorAddress;
      return address === undefined ? heaviest : (powers.get(address) ?? 0);
    }),
  );
}

/** How long a validator's `/status` may take before a freeze; unknown counts against stopping there. */
const STATUS_TIMEOUT_MS = 500;

/** A validator's latest committed height from its own RPC; undefined when it does not answer in time. */
async function committedHeight(
  m: CheckpointMember,
  signal: AbortSignal | undefined,
): Promise<number | undefined> {
  if (m.tendermintRpc === undefined) return undefined;
  const options = { requestTimeout: STATUS_TIMEOUT_MS, ...(signal && !signal.aborted ? { signal } : {}) };
  return fetchStatus(m.tendermintRpc, options).then(
    (s) => s.latestHeight,
    () => undefined,
  );
}

async function stopValidators<N>(
  ops: CheckpointOps<N>,
  validators: readonly CheckpointMember[],
  powers: readonly number[],
  signal: AbortSignal | undefined,
  random: () => number,
): Promise<SafeStop> {
  if (validators.length === 0) return { tries: 0, safe: true };
  let tries = 0;
  // An abort ends the search, not the stop: the caller starts the nodes again, so they must be down.
  while (tries < SAFE_POINT_TRIES && !signal?.aborted) {
    tries++;
    // Read just before the freeze: what each had committed by then, it still has when frozen.
    const committed = await Promise.all(validators.map((m) => committedHeight(m, signal)));
    const frozeAt = Date.now();
    const still = await ops.freeze(validators);
    log("freeze %d: %s after %d ms", tries, still ? "still" : "not still", Date.now() - frozeAt);
    if (!still) {
      await pause(random);
      continue;
    }
    let states: WeighedSignState[];
    try {
      states = await Promise.all(
        validators.map(async (m, i) => {
          const text = await ops.readHomeFile(m, SIGN_STATE_FILE);
          const state = text === undefined ? undefined : parseSignState(text);
          return { state, power: powers[i] ?? 0, committed: committed[i] };
        }),
      );
    } catch (err) {
      await ops.thaw(validators);
      throw err;
    }
    if (safeToStop(states)) {
      await ops.kill(validators).catch(async (err: unknown) => {
        await ops.thaw(validators);
        throw err;
      });
      log("validators stopped at a safe point after %d freeze(s)", tries);
      return { tries, safe: true };
    }
    await ops.thaw(validators);
    await pause(random);
  }
  log("no safe point in %d freezes; stopping the validators where they are", tries);
  await ops.stop(validators, signal);
  return { tries, safe: false };
}

/** Lets the validators run a little (no signal: the stop must happen whatever it says). */
async function pause(random: () => number): Promise<void> {
  const [low, high] = RETRY_GAP_MS;
  await delay(low + Math.floor(random() * (high - low)));
}
