import { homedir } from "node:os";
import { join } from "node:path";

/**
 * Where the docker mode keeps its task records: `<stateDir>`, else
 * `$XDG_STATE_HOME/seinet/docker`, else `~/.local/state/seinet/docker`, then
 * one directory per Docker engine (its ID), so two engines' tasks never mix.
 *
 * A task runs in the client process that started it (as in the local mode:
 * there is no controller), so its record belongs on that process's machine;
 * files there are written atomically many times per task for free, where a
 * volume or container labels would cost a container per write (labels cannot
 * change) and leave engine objects to sweep.
 */
export function dockerTaskRoot(
  engineId: string,
  stateDir: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const base = stateDir ?? join(env.XDG_STATE_HOME || join(homedir(), ".local", "state"), "seinet", "docker");
  return join(base, engineId.replace(/[^A-Za-z0-9_-]/g, "_") || "engine");
}
