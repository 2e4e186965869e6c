import { constants } from "node:fs";
import { access } from "node:fs/promises";
import { delimiter, join } from "node:path";
import { cacheRoot } from "../../../seid/cacheDir.js";

/** The Toxiproxy version `scripts/install-toxiproxy.sh` builds into the cache. */
export const TOXIPROXY_VERSION = "v2.5.0";

const BINARY = "toxiproxy-server";

async function executable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/**
 * Finds the relay's server, first hit wins: `$SEINET_TOXIPROXY` (`off`: no
 * relay), the cache entry `scripts/install-toxiproxy.sh` builds, then
 * `toxiproxy-server` on PATH. Undefined when none: local networks then peer
 * directly.
 */
export async function findToxiproxy(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  if (env.SEINET_TOXIPROXY === "off") return undefined;
  if (env.SEINET_TOXIPROXY) return env.SEINET_TOXIPROXY;
  const cached = join(cacheRoot(env), "toxiproxy", TOXIPROXY_VERSION, "bin", BINARY);
  if (await executable(cached)) return cached;
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir && (await executable(join(dir, BINARY)))) return join(dir, BINARY);
  }
  return undefined;
}
