import type { Checkpoint, CheckpointOptions } from "../../client/checkpoint.js";
import { ConflictError } from "../../errors/conflict.js";
import { throwIfAborted } from "../../internal/abort.js";
import { logger } from "../../internal/debug.js";
import { latestHeight } from "../../readiness/latestHeight.js";
import { checkCheckpointName, defaultCheckpointName } from "./checkpointName.js";
import type { CheckpointOps } from "./checkpointOps.js";
import { type NetworkAt, refuseBusy, startAndWait, waitBack } from "./networkAt.js";
import { stopAtSafePoint } from "./stopAtSafePoint.js";

const log = logger("checkpoint");

/** How long a failed checkpoint waits for the network to serve again before it reports its own error. */
const RECOVER_MS = 120_000;

/**
 * Takes a checkpoint of a Ready network: stop every node (validators at a
 * safe point, {@link stopAtSafePoint}), copy every home, start them again,
 * written once for every mode over its {@link CheckpointOps}.
 * Whatever fails, the nodes are started again and a partial copy is removed,
 * so the network runs as before.
 */
export async function checkpointNetwork<N>(
  ops: CheckpointOps<N>,
  at: NetworkAt<N>,
  options: CheckpointOptions,
): Promise<Checkpoint> {
  const { signal } = options;
  const name = options.name === undefined ? defaultCheckpointName() : checkCheckpointName(options.name);
  const what = `taking checkpoint "${name}" of network "${at.name}"`;
  throwIfAborted(signal, what);
  if (at.phase !== "Ready") {
    throw new ConflictError(`Network "${at.name}" is ${at.phase}; a checkpoint needs it Ready.`, {
      metaMessages: ["Wait for it (`waitReady`), then try again."],
    });
  }
  return ops.exclusive(at.view, async () => {
    if (await ops.read(at.view, name)) {
      throw new ConflictError(`Checkpoint "${name}" of network "${at.name}" already exists.`, {
        metaMessages: ["Delete it first (`deleteCheckpoint`), or choose another name."],
      });
    }
    const members = await ops.members(at.view, signal);
    await refuseBusy(ops, at, members, "checkpointed");
    throwIfAborted(signal, what);
    const height = at.tendermintRpc ? await latestHeight(at.tendermintRpc, { signal }).catch(() => 0) : 0;
    const started = Date.now();
    let record: Checkpoint | undefined;
    let failed: unknown;
    try {
      // Stopped where a restart cannot halt the chain: the homes started again, and every copy restored later.
      const stop = await stopAtSafePoint(ops, members, at.tendermintRpc, signal);
      const draft: Checkpoint = {
        name,
        network: at.name,
        namespace: at.namespace,
        height,
        seid: [...new Set(members.map((m) => m.seid))],
        nodes: members.map((m) => m.name),
        createdAt: new Date().toISOString(),
        bytes: 0,
        copyMs: 0,
        safePoint: stop.safe,
      };
      const bytes = await ops.save(at.view, draft, members, signal);
      record = { ...draft, bytes, copyMs: Date.now() - started };
      await ops.write(at.view, record);
    } catch (err) {
      log("checkpoint %s of %s failed; removing what was copied: %s", name, at.name, String(err));
      failed = err;
      await ops.remove(at.view, name).catch(() => {});
    }
    // Started again whatever happened (and whatever the signal says): the network must run as before.
    if (failed !== undefined) {
      await ops
        .start(members, undefined)
        .then(() => waitBack(ops, at, AbortSignal.timeout(RECOVER_MS)))
        .catch((err: unknown) =>
          log("%s did not come back after a failed checkpoint: %s", at.name, String(err)),
        );
      throw failed;
    }
    await startAndWait(ops, at, members, signal);
    return record as Checkpoint;
  });
}
