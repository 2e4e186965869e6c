import type { CreateNetworkOptions } from "../client/options.js";
import { UsageError } from "../errors/usage.js";

/** Modes that cannot start from a checkpoint archive refuse `from` before making anything. */
export function refuseArchive(mode: string, options: CreateNetworkOptions): void {
  if (options.from !== undefined) {
    throw new UsageError(
      `Starting a network from a checkpoint archive (\`from\`) is not supported in the ${mode} mode; only the local mode has it.`,
      { field: "from" },
    );
  }
}

/** Modes without warm templates refuse `template: "reuse"` and `from` before making anything. */
export function refuseTemplate(mode: string, options: CreateNetworkOptions): void {
  refuseArchive(mode, options);
  if (options.template === "reuse") {
    throw new UsageError(
      `Warm templates (\`template: "reuse"\`) are not supported in the ${mode} mode; only the local and docker modes have them.`,
      { field: "template", metaMessages: ['Leave `template` out (or pass "fresh") for a new genesis.'] },
    );
  }
}
