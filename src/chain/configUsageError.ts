import { UsageError } from "../errors/usage.js";
import { BadConfigValueError, UnknownConfigKeyError } from "./config.js";

/**
 * A config patch's refusal of the caller's key or value as the UsageError the
 * API promises (field `config.<key>`); any other error passes through.
 */
export function configUsageError(err: unknown): unknown {
  if (err instanceof UnknownConfigKeyError || err instanceof BadConfigValueError) {
    return new UsageError(err.message, { field: `config.${err.key}` });
  }
  return err;
}
