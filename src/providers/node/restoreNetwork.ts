import type { Checkpoint } from "../../client/checkpoint.js";
import type { OpOptions } from "../../client/options.js";
import { ConflictError } from "../../errors/conflict.js";
import { FailedError } from "../../errors/failed.js";
import { NotFoundError } from "../../errors/notFound.js";
import { throwIfAborted } from "../../internal/abort.js";
import { logger } from "../../internal/debug.js";
import { checkCheckpointName } from "./checkpointName.js";
import type { CheckpointMember, CheckpointOps } from "./checkpointOps.js";
import { type NetworkAt, refuseBusy, startAndWait } from "./networkAt.js";

const log = logger("checkpoint");

/**
 * The whole network rewinds or nothing does: every validator's
 * `priv_validator_state.json` goes back together, so a node added or removed
 * since the checkpoint is a ConflictError before anything stops.
 */
function refuseOtherNodes(record: Checkpoint, members: readonly CheckpointMember[], network: string): void {
  const now = new Set(members.map((m) => m.name));
  const then = new Set(record.nodes);
  const added = [...now].filter((n) => !then.has(n));
  const gone = [...then].filter((n) => !now.has(n));
  if (added.length === 0 && gone.length === 0) return;
  const lines = [
    ...(added.length ? [`Added since: ${added.join(", ")} (delete them first).`] : []),
    ...(gone.length ? [`Deleted since: ${gone.join(", ")} (a checkpoint restores the nodes it holds).`] : []),
  ];
  throw new ConflictError(
    `Checkpoint "${record.name}" holds other nodes than network "${network}" has now; every node must rewind together.`,
    { metaMessages: lines },
  );
}

/**
 * Restores a network from one of its checkpoints, written once for every mode
 * over its {@link CheckpointOps}: stop every node, put every home back, start
 * them, wait until Ready and every follower caught up. A failure while homes
 * are being replaced leaves the network Failed with the reason, and the
 * checkpoint intact; a failure before leaves it running as it was.
 */
export async function restoreNetwork<N>(
  ops: CheckpointOps<N>,
  at: NetworkAt<N>,
  name: string,
  options: OpOptions,
): Promise<void> {
  const { signal } = options;
  checkCheckpointName(name);
  const what = `restoring network "${at.name}" from checkpoint "${name}"`;
  throwIfAborted(signal, what);
  await ops.exclusive(at.view, async () => {
    const record = await ops.read(at.view, name);
    if (!record) throw new NotFoundError("checkpoint", name, { namespace: at.namespace });
    const members = await ops.members(at.view, signal);
    refuseOtherNodes(record, members, at.name);
    await refuseBusy(ops, at, members, "restored");
    throwIfAborted(signal, what);
    const t0 = Date.now();
    try {
      // The homes are replaced whole: nothing seid would write on its way out is kept, so it gets no grace.
      await ops.kill(members);
      log("%s: %d nodes stopped in %d ms", at.name, members.length, Date.now() - t0);
    } catch (err) {
      await ops.start(members, undefined).catch(() => {});
      throw err;
    }
    try {
      await ops.load(at.view, record, members, signal);
    } catch (err) {
      const reason = `restoring checkpoint "${name}" failed part-way: ${(err as Error).message ?? String(err)}`;
      await ops.markFailed(at.view, reason).catch(() => {});
      throw new FailedError(
        `Network "${at.name}" could not be restored from checkpoint "${name}"; its nodes are stopped.`,
        { resource: `network/${at.name}`, phase: "Failed", reason },
        {
          cause: err,
          metaMessages: [
            `The checkpoint is intact: call restore("${name}") again (\`seinet\` keeps the network Failed until one succeeds),`,
            `or delete the network (\`seinet down ${at.name} --cascade\`) and create it anew.`,
          ],
        },
      );
    }
    log("%s: homes put back from %s at %d ms", at.name, name, Date.now() - t0);
    await ops.markFailed(at.view, undefined);
    await startAndWait(ops, at, members, signal);
    log("%s: restored in %d ms", at.name, Date.now() - t0);
  });
}
