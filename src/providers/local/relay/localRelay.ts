import { rm } from "node:fs/promises";
import type { PeerRoute } from "../../../chain/ceremony.js";
import { logger } from "../../../internal/debug.js";
import { freePorts } from "../allocatePorts.js";
import type { NetworkRecord, NodeRecord } from "../records.js";
import type { StateStore } from "../store.js";
import { dropLinks } from "./relayLinks.js";
import { startRelay, stopRelay } from "./relayProcess.js";
import { assignRelayPorts, memberProxies, relayPortCount } from "./relayRoutes.js";
import { populate } from "./toxiproxyApi.js";
import { findToxiproxy } from "./toxiproxyBinary.js";

const log = logger("local");

/** Every port the relays of these records hold, for reservation bookkeeping. */
export function relayPorts(networks: readonly NetworkRecord[], nodes: readonly NodeRecord[]): number[] {
  return [
    ...networks.flatMap((n) => (n.relay ? [n.relay.apiPort] : [])),
    ...nodes.flatMap((n) => (n.relay ? [n.relay.public, ...Object.values(n.relay.routes)] : [])),
  ];
}

/** Where each node dials each other node: through its relay route, when it has one. */
export function relayRoute(nodes: readonly NodeRecord[]): PeerRoute {
  return (from, to) => {
    const node = nodes.find((n) => n.name === from);
    const port = node?.relay?.routes[to];
    return node && port !== undefined ? { host: node.host, port } : undefined;
  };
}

/**
 * The local mode's P2P relay: one Toxiproxy per network, every node's peer
 * traffic through it (node i dials peer j through proxy i→j; others dial i
 * through its public proxy), so a node can be cut off and back while it runs.
 * Networks made where no Toxiproxy is found peer directly.
 */
export class LocalRelay {
  constructor(readonly store: StateStore) {}

  /**
   * Under the state lock: picks the relay's API port and every member's relay
   * ports, recorded on the records. Does nothing when no Toxiproxy is found.
   */
  async plan(network: NetworkRecord, members: readonly NodeRecord[], reserved: Set<number>): Promise<void> {
    const binary = await findToxiproxy();
    if (!binary) {
      log("no toxiproxy-server found; network %s peers directly (no disconnect)", network.name);
      return;
    }
    const count = relayPortCount(members.length, members.length - 1);
    const [apiPort, ...ports] = await freePorts(1 + count, reserved);
    const assigned = assignRelayPorts(
      members.map((m) => m.name),
      ports,
    );
    for (const member of members) member.relay = assigned.get(member.name);
    network.relay = {
      binary,
      apiPort: apiPort as number,
      logFile: `${this.store.networkFile(network.namespace, network.name).slice(0, -".json".length)}.relay.log`,
    };
  }

  /** Under the state lock: a follower's relay ports, one public and one per peer it dials. */
  async planFollower(
    network: NetworkRecord,
    follower: NodeRecord,
    peers: readonly NodeRecord[],
    reserved: Set<number>,
  ): Promise<void> {
    if (!network.relay) return;
    const [pub, ...ports] = await freePorts(1 + peers.length, reserved);
    follower.relay = {
      public: pub as number,
      routes: Object.fromEntries(peers.map((p, i) => [p.name, ports[i] as number])),
    };
  }

  /** Starts the network's relay with its members' proxies; the caller records the pid. */
  async start(network: NetworkRecord, members: readonly NodeRecord[], signal?: AbortSignal): Promise<void> {
    if (!network.relay) return;
    network.relay.pid = await startRelay(network.relay, signal);
    await this.join(network, members, members, signal);
  }

  /** Adds the proxies of `joining` nodes, whose peers are among `all`. */
  async join(
    network: NetworkRecord,
    joining: readonly NodeRecord[],
    all: readonly NodeRecord[],
    signal?: AbortSignal,
  ): Promise<void> {
    if (!network.relay) return;
    const p2pOf = (peer: string) => all.find((n) => n.name === peer)?.ports.p2p;
    const proxies = joining.flatMap((n) =>
      n.relay ? memberProxies(n.host, { name: n.name, p2p: n.ports.p2p, relay: n.relay }, p2pOf) : [],
    );
    await populate(network.relay.apiPort, proxies, signal);
  }

  /** Removes a leaving follower's proxies; a relay that is gone has none. */
  async leave(network: NetworkRecord | undefined, node: NodeRecord): Promise<void> {
    if (!network?.relay?.pid || !node.relay) return;
    await dropLinks(network.relay, node.name).catch((err) =>
      log("relay of %s: cannot drop %s: %s", network.name, node.name, (err as Error).message),
    );
  }

  /** Stops the relay and removes its log: nothing of it stays listening. */
  async stop(network: NetworkRecord): Promise<void> {
    if (!network.relay) return;
    await stopRelay(network.relay);
    await rm(network.relay.logFile, { force: true });
  }
}
