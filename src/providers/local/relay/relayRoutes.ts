/** The relay ports of one node: where others dial it, and where it dials each peer. */
export interface RelayPorts {
  /** The node's advertised (external) address goes through this proxy. */
  public: number;
  /** Peer name → the port of the proxy this node dials that peer through. */
  routes: Record<string, number>;
}

/** One Toxiproxy proxy, as its API takes it. */
export interface RelayProxy {
  name: string;
  listen: string;
  upstream: string;
  enabled: boolean;
}

/** A node as the relay sees it: its P2P port and its relay ports. */
export interface RelayMember {
  name: string;
  p2p: number;
  relay: RelayPorts;
}

/** Suffix of a node's public proxy; node names are DNS labels, so `~` never clashes. */
const PUBLIC = "in";
const SEP = "~";

/** Name of the proxy `from` dials `to` through. */
export function routeName(from: string, to: string): string {
  return `${from}${SEP}${to}`;
}

/** Name of a node's public proxy; disabled exactly while the node is disconnected. */
export function publicName(node: string): string {
  return routeName(node, PUBLIC);
}

/**
 * Hands out relay ports, in order: per node one public port, then one per
 * peer it dials (every other node). `ports` must hold {@link relayPortCount}.
 */
export function assignRelayPorts(
  nodes: readonly string[],
  ports: readonly number[],
): Map<string, RelayPorts> {
  if (ports.length < relayPortCount(nodes.length, nodes.length - 1)) {
    throw new Error(
      `relay needs ${relayPortCount(nodes.length, nodes.length - 1)} ports, got ${ports.length}`,
    );
  }
  let next = 0;
  const take = () => ports[next++] as number;
  const out = new Map<string, RelayPorts>();
  for (const node of nodes) {
    const routes: Record<string, number> = {};
    for (const peer of nodes) if (peer !== node) routes[peer] = take();
    out.set(node, { public: take(), routes });
  }
  return out;
}

/** Ports `nodes` nodes need when each dials `peers` others. */
export function relayPortCount(nodes: number, peers: number): number {
  return nodes * (1 + peers);
}

/**
 * The proxies a node brings: its public one to its own P2P port, and one to
 * each peer it dials. `p2pOf` gives a peer's P2P port.
 */
export function memberProxies(
  host: string,
  member: RelayMember,
  p2pOf: (peer: string) => number | undefined,
): RelayProxy[] {
  const proxy = (name: string, listen: number, upstream: number): RelayProxy => ({
    name,
    listen: `${host}:${listen}`,
    upstream: `${host}:${upstream}`,
    enabled: true,
  });
  const out = [proxy(publicName(member.name), member.relay.public, member.p2p)];
  for (const [peer, port] of Object.entries(member.relay.routes)) {
    const upstream = p2pOf(peer);
    if (upstream !== undefined) out.push(proxy(routeName(member.name, peer), port, upstream));
  }
  return out;
}

/** The two ends of a proxy; the public one's far end is undefined. */
export function proxyEnds(name: string): { from: string; to: string | undefined } {
  const [from = "", to = ""] = name.split(SEP);
  return { from, to: to === PUBLIC ? undefined : to };
}

/** Every proxy that carries `node`'s traffic, either way: cutting them all isolates it. */
export function proxiesOf(names: Iterable<string>, node: string): string[] {
  return [...names].filter((n) => {
    const { from, to } = proxyEnds(n);
    return from === node || to === node;
  });
}

/**
 * Whether a proxy of `node` comes back on when it reconnects: only if its far
 * end is not itself disconnected (whose public proxy is off).
 */
export function restoredOnReconnect(
  name: string,
  node: string,
  enabled: (proxy: string) => boolean | undefined,
): boolean {
  const { from, to } = proxyEnds(name);
  const other = from === node ? to : from;
  return other === undefined || enabled(publicName(other)) !== false;
}
