import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import lockfile from "proper-lockfile";
import { ConflictError } from "../errors/conflict.js";
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

/**
 * Runs `fn` holding the lock of `dir` if nobody holds it, else throws a
 * ConflictError at once (what is `busy` names the holder's work): for long
 * operations two processes must not run together, where waiting would hide a
 * collision. The lock is refreshed while held; a crashed holder's goes stale.
 */
export async function withExclusiveDirLock<T>(dir: string, busy: string, fn: () => Promise<T>): Promise<T> {
  await mkdir(dir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, { lockfilePath: join(dir, ".lock"), realpath: false, stale: 15_000 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ELOCKED") {
      throw new ConflictError(`${busy} is already under way in another process or call.`, {
        cause: err,
        metaMessages: ["Wait for it to finish, then try again."],
      });
    }
    throw new InfraError(`Cannot take the seinet lock in ${dir}.`, { cause: err });
  }
  try {
    return await fn();
  } finally {
    await release().catch(() => {});
  }
}
