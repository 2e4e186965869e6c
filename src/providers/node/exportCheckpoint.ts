import type { CheckpointExport } from "../../client/checkpoint.js";
import { NotFoundError } from "../../errors/notFound.js";
import { UsageError } from "../../errors/usage.js";
import { writeCheckpointArchive } from "../../templates/archiveFile.js";
import { CHECKPOINT_ARCHIVE_FORMAT } from "../../templates/checkpointArchive.js";
import type { CheckpointOps } from "./checkpointOps.js";

/** Which checkpoint of which network goes to which file. */
export interface ExportTarget {
  network: string;
  namespace: string;
  name: string;
  file: string;
}

/**
 * Writes a complete checkpoint to a portable archive, holding the network's
 * checkpoint lock so it is neither removed nor replaced while it is read.
 * Only the validators and the sentry go in: that is the chain.
 */
export async function exportCheckpoint<N>(
  ops: CheckpointOps<N>,
  view: N,
  target: ExportTarget,
  signal: AbortSignal | undefined,
): Promise<CheckpointExport> {
  const source = ops.exportSource?.bind(ops);
  if (!source) {
    throw new UsageError("Exporting a checkpoint to a file is supported in the local mode only.", {
      metaMessages: ['Take the checkpoint in a local network (`open("local")`, `seinet up`).'],
    });
  }
  return ops.exclusive(view, async () => {
    const checkpoint = await ops.read(view, target.name);
    if (!checkpoint) throw new NotFoundError("checkpoint", target.name, { namespace: target.namespace });
    const { dir, facts } = await source(view, checkpoint);
    const manifest = {
      kind: "seinet-checkpoint" as const,
      format: CHECKPOINT_ARCHIVE_FORMAT,
      checkpoint,
      ...facts,
    };
    const bytes = await writeCheckpointArchive(target.file, dir, manifest, signal);
    return { file: target.file, bytes, checkpoint, chainId: facts.chainId, seid: facts.seid };
  });
}
