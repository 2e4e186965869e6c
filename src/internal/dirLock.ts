import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import lockfile from "proper-lockfile";
import { InfraError } from "../errors/infra.js";

/**
 * Runs `fn` holding the cross-process lock of a state directory, so changes
 * that must not interleave (create-if-absent of a record) are atomic across
 * every process sharing the directory. A lock left by a crashed holder goes
 * stale after 15 s.
 */
export async function withDirLock<T>(root: string, fn: () => Promise<T>): Promise<T> {
  await mkdir(root, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(root, {
      lockfilePath: join(root, ".lock"),
      realpath: false,
      stale: 15_000,
      retries: { retries: 200, minTimeout: 10, maxTimeout: 100, factor: 1.3 },
    });
  } catch (err) {
    throw new InfraError(`Cannot take the seinet state lock in ${root}.`, { cause: err });
  }
  try {
    return await fn();
  } finally {
    await release().catch(() => {});
  }
}
