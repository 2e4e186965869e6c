import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readFile, realpath, rename, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { logger } from "../../../internal/debug.js";
import { cacheRoot } from "../../../seid/cacheDir.js";
import { skeletonDigest } from "./imageContext.js";

const log = logger("docker");
/** Bump when contextEntries places files differently (the skeleton is fingerprinted on its own). */
const LAYOUT_VERSION = 1;

/**
 * What a bundle archive made last time, so a repeat build can find its image
 * without unpacking 36 MB of xz (seconds) again. Keyed by the archive's sha256;
 * trusted only while the host files that went in (libraries, CA bundle) and the
 * image skeleton are unchanged.
 */
export interface BundleMemo {
  contentHash: string;
  version: string;
  commit: string;
  /** The host files (not from the bundle) in the context. */
  hostFiles: string[];
  /** {@link hostFingerprint} of them when the memo was written. */
  fingerprint: string;
}

/** sha256 of a file, streamed. */
export async function fileDigest(path: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(path), hash);
  return hash.digest("hex");
}

/** The skeleton, the layout, and each host file's identity (path, size, mtime, inode, mode). */
export async function hostFingerprint(hostFiles: string[]): Promise<string | undefined> {
  const hash = createHash("sha256").update(`${LAYOUT_VERSION}\0${skeletonDigest()}\0`);
  for (const path of [...hostFiles].sort()) {
    const info = await realpath(path)
      .then((real) => stat(real))
      .catch(() => undefined);
    if (!info) return undefined;
    hash.update(`${path}\0${info.size}\0${info.mtimeMs}\0${info.ino}\0${info.mode}\n`);
  }
  return hash.digest("hex");
}

function memoPath(digest: string, env: NodeJS.ProcessEnv): string {
  return join(cacheRoot(env), "images", "bundles", `${digest}.json`);
}

/** The memo of an archive, if there is one and its host files are unchanged. */
export async function readMemo(digest: string, env: NodeJS.ProcessEnv): Promise<BundleMemo | undefined> {
  const memo = await readFile(memoPath(digest, env), "utf8")
    .then((text) => JSON.parse(text) as BundleMemo)
    .catch(() => undefined);
  if (!memo || !Array.isArray(memo.hostFiles) || typeof memo.contentHash !== "string") return undefined;
  const now = await hostFingerprint(memo.hostFiles);
  if (now !== memo.fingerprint) {
    log("bundle memo %s is stale (host files changed)", digest.slice(0, 12));
    return undefined;
  }
  return memo;
}

/** Records what an archive made (best effort: a cache write that fails only costs speed). */
export async function writeMemo(
  digest: string,
  memo: Omit<BundleMemo, "fingerprint">,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  try {
    const fingerprint = await hostFingerprint(memo.hostFiles);
    if (!fingerprint) return;
    const path = memoPath(digest, env);
    await mkdir(join(path, ".."), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify({ ...memo, fingerprint }, null, 2)}\n`);
    await rename(tmp, path);
  } catch (err) {
    log("could not write the bundle memo: %s", String(err));
  }
}
