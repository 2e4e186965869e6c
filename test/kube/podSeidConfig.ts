// A pod's seid config, moved from the pod network onto this machine: every
// listener on the pod's own loopback address (127.42.x.y) instead of 0.0.0.0,
// the in-cluster peer names (`<pod>.<node>.<ns>.svc.cluster.local`) replaced
// by their pods' addresses, and the EVM ports (seid binds those on 0.0.0.0
// whatever is configured) made unique.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse, stringify } from "smol-toml";

/** Where one pod's seid listens here. */
export interface PodAddress {
  ip: string;
  evmHttp: number;
  evmWs: number;
}

type Table = Record<string, unknown>;

const table = (doc: Table, key: string): Table => {
  const t = doc[key];
  if (t === undefined || typeof t !== "object" || t === null) throw new Error(`no [${key}] in seid's config`);
  return t as Table;
};

/** `tcp://0.0.0.0:26657` or `0.0.0.0:9090` on `ip` instead, keeping the scheme and port. */
const onIp = (value: unknown, ip: string): unknown =>
  typeof value === "string" && value !== "" ? value.replace(/(^|\/\/)[^/:]*(:\d+)$/, `$1${ip}$2`) : value;

/** Rewrites `<home>/config/{config,app}.toml` for a pod at `at`; `hostOf` maps an in-cluster host to its pod's address. */
export async function placeSeidInPod(
  home: string,
  at: PodAddress,
  hostOf: (inClusterHost: string) => string | undefined,
): Promise<void> {
  const configPath = join(home, "config", "config.toml");
  const config = parse(await readFile(configPath, "utf8")) as Table;
  const p2p = table(config, "p2p");
  p2p.laddr = onIp(p2p.laddr, at.ip);
  for (const key of ["persistent-peers", "bootstrap-peers", "blocksync-peers"]) {
    if (typeof p2p[key] !== "string") continue;
    p2p[key] = (p2p[key] as string)
      .split(",")
      .filter((peer) => peer.trim() !== "")
      .map((peer) => {
        const match = /^([^@]+)@([^:]+):(\d+)$/.exec(peer.trim());
        const host = match && hostOf(match[2] as string);
        return match && host ? `${match[1]}@${host}:${match[3]}` : peer.trim();
      })
      .join(",");
  }
  // Several pods share this machine's loopback: their peers are all "local".
  p2p["allow-duplicate-ip"] = true;
  const rpc = table(config, "rpc");
  rpc.laddr = onIp(rpc.laddr, at.ip);
  rpc["pprof-laddr"] = "";
  const instrumentation = config.instrumentation as Table | undefined;
  if (instrumentation) instrumentation.prometheus = false;
  await writeFile(configPath, stringify(config));

  const appPath = join(home, "config", "app.toml");
  const app = parse(await readFile(appPath, "utf8")) as Table;
  for (const key of ["api", "grpc", "grpc-web", "rosetta"]) {
    const section = app[key] as Table | undefined;
    if (section && "address" in section) section.address = onIp(section.address, at.ip);
  }
  const evm = app.evm as Table | undefined;
  if (evm) {
    evm.http_port = at.evmHttp;
    evm.ws_port = at.evmWs;
  }
  await writeFile(appPath, stringify(app));
}
