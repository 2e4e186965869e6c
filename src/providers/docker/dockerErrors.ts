import { ConflictError } from "../../errors/conflict.js";
import { InfraError } from "../../errors/infra.js";

/** HTTP status of a Docker engine error, if it has one. */
export function dockerStatus(err: unknown): number | undefined {
  return (err as { statusCode?: number } | undefined)?.statusCode;
}

/** True for the engine's 404 (no such container, volume or network). */
export function isDockerNotFound(err: unknown): boolean {
  return dockerStatus(err) === 404;
}

/** Runs `fn`, treating the engine's 404 (and 304 "already …") as done. */
export async function ignoreMissing(fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    const status = dockerStatus(err);
    if (status !== 404 && status !== 304) throw err;
  }
}

/** An engine error as a seinet error: 409 is a ConflictError, anything else an InfraError. */
export function mapDockerError(err: unknown, what: string): Error {
  const message = (err as { json?: { message?: string } }).json?.message ?? String(err);
  if (dockerStatus(err) === 409)
    return new ConflictError(`Docker refused ${what}: ${message}`, { cause: err });
  return new InfraError(`Docker failed ${what}.`, { details: message, cause: err });
}
