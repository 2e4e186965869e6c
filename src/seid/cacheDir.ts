import { homedir } from "node:os";
import { join } from "node:path";

/**
 * Root of seinet's build cache: `$SEINET_CACHE`, else
 * `$XDG_CACHE_HOME/seinet`, else `~/.cache/seinet`.
 */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SEINET_CACHE) return env.SEINET_CACHE;
  const xdg = env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(xdg, "seinet");
}

/** Where the seid built from `ref` lives: one directory per commit. */
export function seidCacheDir(ref: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheRoot(env), "seid", ref);
}
