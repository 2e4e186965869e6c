import { UsageError } from "../errors/usage.js";

/** Environment variables that select a mode when none is passed explicitly. */
export const MODE_ENV: Readonly<Record<string, string>> = {
  SEI_NODE_CLUSTER: "k8s",
  SEI_DOCKER: "docker",
  SEI_LOCAL: "local",
};

/**
 * Explicit mode wins; else exactly one of SEI_NODE_CLUSTER, SEI_DOCKER,
 * SEI_LOCAL must be set (non-empty). Never guesses.
 */
export function selectMode(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit !== undefined) {
    if (typeof explicit !== "string" || explicit.length === 0) {
      throw new UsageError(`Expected \`mode\` to be a non-empty string, got ${JSON.stringify(explicit)}.`, {
        field: "mode",
      });
    }
    return explicit;
  }
  const set = Object.keys(MODE_ENV).filter((name) => (env[name] ?? "") !== "");
  if (set.length === 1) return MODE_ENV[set[0]!]!;
  const choices = Object.entries(MODE_ENV)
    .map(([name, mode]) => `${name} (${mode})`)
    .join(", ");
  if (set.length === 0) {
    throw new UsageError(
      `No mode given and none selected by the environment: pass a mode to open(), or set exactly one of ${choices}.`,
      {
        field: "mode",
      },
    );
  }
  throw new UsageError(
    `Several modes are selected by the environment (${set.join(", ")} are set); set exactly one of ${choices}, or pass a mode to open().`,
    { field: "mode" },
  );
}
