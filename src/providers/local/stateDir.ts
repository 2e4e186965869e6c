import { homedir } from "node:os";
import { join } from "node:path";

/**
 * Root of the local mode's state: the `stateDir` option, else
 * `$SEINET_STATE_DIR`, else `$XDG_STATE_HOME/seinet/local`, else
 * `~/.local/state/seinet/local`. Every process that reads the same root sees
 * the same networks.
 */
export function localStateRoot(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (option) return option;
  if (env.SEINET_STATE_DIR) return env.SEINET_STATE_DIR;
  const xdg = env.XDG_STATE_HOME || join(homedir(), ".local", "state");
  return join(xdg, "seinet", "local");
}
