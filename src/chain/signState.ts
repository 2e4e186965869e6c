/**
 * A validator's sign state, relative to its home: the height, round and step
 * of the last vote or proposal it signed. Tendermint writes it (fsynced)
 * before the signed message reaches the consensus WAL.
 */
export const SIGN_STATE_FILE = "data/priv_validator_state.json";

/** Tendermint's sign steps: what the last signature was. */
export const SIGN_STEP = { none: 0, propose: 1, prevote: 2, precommit: 3 } as const;

/** What a validator signed last. */
export interface SignState {
  height: number;
  round: number;
  step: number;
}

/** Reads `priv_validator_state.json`; undefined when it is not one. */
export function parseSignState(text: string): SignState | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof doc !== "object" || doc === null) return undefined;
  const { height, round, step } = doc as Record<string, unknown>;
  const h = typeof height === "string" ? Number(height) : height;
  if (!Number.isSafeInteger(h) || !Number.isSafeInteger(round) || !Number.isSafeInteger(step))
    return undefined;
  return { height: h as number, round: round as number, step: step as number };
}

/** A validator as {@link safeToStop} weighs it: what it signed last, its power, and the top block it had. */
export interface WeighedSignState {
  state: SignState | undefined;
  power: number;
  /** Its latest committed height, read just before it was frozen (it may have gone on since); undefined when unknown. */
  committed?: number | undefined;
}

/**
 * True when the validators can be stopped where they are and started again
 * without halting the chain. Tendermint keeps the WAL entries since its last
 * signature in memory (seid never syncs them at exit), and on replay it reads
 * every proposal as untimely (the WAL keeps no receive time), so it prevotes
 * nil. A validator whose last signature is a prevote for the block of the
 * height in progress therefore can sign nothing more in that round after a
 * restart; when that holds for a third of the power or more, the round never
 * ends. A prevote for a height already committed is harmless (a slow
 * validator often sees a height committed before its own precommit), and
 * after a proposal or a precommit the replay signs the same again or moves
 * on by timeout. So: the power whose last signature is a prevote above the
 * height it had committed (nil or not: the state does not say cheaply), or
 * whose state or height is unknown, must stay below a third.
 */
export function safeToStop(validators: readonly WeighedSignState[]): boolean {
  let total = 0;
  let stuck = 0;
  for (const { state, power, committed } of validators) {
    total += power;
    const inProgress = state !== undefined && (committed === undefined || state.height > committed);
    if (state === undefined || (state.step === SIGN_STEP.prevote && inProgress)) stuck += power;
  }
  return stuck * 3 < total || total === 0;
}
