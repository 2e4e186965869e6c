import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { alignFullNodes } from "./alignFullNodes.js";
import { unpackArchive } from "./archiveFile.js";
import { type CheckpointArchiveManifest, archiveValidators } from "./checkpointArchive.js";
import { type NetworkTemplate, readTemplate, storeTemplate } from "./templateCache.js";
import { TEMPLATE_FORMAT } from "./templateKey.js";

/** The file's SHA-256 (hex): the same bytes, the same cached template; a damaged copy is another file. */
async function digest(file: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash, ...(signal ? [{ signal }] : []));
  return hash.digest("hex");
}

/**
 * Makes a portable checkpoint a template in the cache (`root`), keyed by the
 * file's digest, so networks are cloned from it as from any template; a
 * second import of the same file unpacks nothing (it is read once, to hash). Unpacked beside the cache and
 * renamed: a damaged archive leaves nothing behind. The caller has checked
 * the manifest and the seid already.
 */
export async function importArchive(
  file: string,
  manifest: CheckpointArchiveManifest,
  root: string,
  signal?: AbortSignal,
): Promise<NetworkTemplate> {
  const key = (await digest(file, signal)).slice(0, 24);
  const found = await readTemplate(root, key);
  if (found) return found;
  const into = join(root, `.import-${key}.partial-${process.pid}`);
  await unpackArchive(file, manifest, into, signal);
  // A checkpoint taken just after its network was made may hold a sentry still at height 0.
  await alignFullNodes(into, manifest.nodes, signal).catch(async (err: unknown) => {
    await rm(into, { recursive: true, force: true });
    throw err;
  });
  return storeTemplate(root, into, {
    key,
    facts: {
      format: TEMPLATE_FORMAT,
      mode: "local",
      seid: manifest.seid.commit ?? manifest.seid.version ?? "unknown",
      validators: archiveValidators(manifest),
      chainId: manifest.chainId,
      genesis: {},
      config: manifest.config ?? {},
      accounts: [],
      testAccounts: manifest.testAccounts ?? 0,
      snapshots: manifest.snapshots ?? null,
    },
    source: manifest.checkpoint.network,
    archive: { file, checkpoint: manifest.checkpoint.name },
    nodes: manifest.nodes,
    testAccount: manifest.testAccount,
    createdAt: manifest.checkpoint.createdAt,
    height: manifest.checkpoint.height,
  });
}
