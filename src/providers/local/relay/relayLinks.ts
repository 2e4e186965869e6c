import type { RelayRecord } from "./relayProcess.js";
import { proxiesOf, publicName, restoredOnReconnect } from "./relayRoutes.js";
import { listProxies, removeProxy, setEnabled } from "./toxiproxyApi.js";

/**
 * Cuts a node off: every proxy into or out of it is disabled, its public one
 * first, which closes its listeners and every open connection through them.
 */
export async function cutLinks(relay: RelayRecord, node: string, signal?: AbortSignal): Promise<void> {
  const names = proxiesOf(Object.keys(await listProxies(relay.apiPort, signal)), node);
  const first = publicName(node);
  await setEnabled(relay.apiPort, first, false, signal);
  await Promise.all(names.filter((n) => n !== first).map((n) => setEnabled(relay.apiPort, n, false, signal)));
}

/**
 * Reconnects a node: its public proxy and every link to a peer that is not
 * itself cut come back; links to a cut peer wait for that peer's reconnect.
 */
export async function restoreLinks(relay: RelayRecord, node: string, signal?: AbortSignal): Promise<void> {
  const proxies = await listProxies(relay.apiPort, signal);
  const enabled = (name: string) => proxies[name]?.enabled;
  await Promise.all(
    proxiesOf(Object.keys(proxies), node)
      .filter((n) => restoredOnReconnect(n, node, enabled))
      .map((n) => setEnabled(relay.apiPort, n, true, signal)),
  );
}

/** Whether the node is cut off (its public proxy is disabled). */
export async function isCut(relay: RelayRecord, node: string, signal?: AbortSignal): Promise<boolean> {
  const proxies = await listProxies(relay.apiPort, signal);
  return proxies[publicName(node)]?.enabled === false;
}

/** Removes every proxy of a node that leaves the network (a deleted follower). */
export async function dropLinks(relay: RelayRecord, node: string, signal?: AbortSignal): Promise<void> {
  const names = proxiesOf(Object.keys(await listProxies(relay.apiPort, signal)), node);
  await Promise.all(names.map((n) => removeProxy(relay.apiPort, n, signal)));
}
