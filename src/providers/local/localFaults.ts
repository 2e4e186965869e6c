import { ConflictError } from "../../errors/conflict.js";
import { InfraError } from "../../errors/infra.js";
import { UsageError } from "../../errors/usage.js";
import { throwIfAborted } from "../../internal/abort.js";
import type { NodeFaults } from "../node/nodeOps.js";
import type { NetworkRecord, NodeRecord, SeidRef } from "./records.js";
import { cutLinks, restoreLinks } from "./relay/relayLinks.js";
import { type RelayRecord, alive } from "./relay/relayProcess.js";
import { isAlive, killGroup } from "./seidProcess.js";
import type { StateStore } from "./store.js";
import type { NodeView } from "./views.js";

/** What the local faults need from the provider. */
export interface LocalFaultDeps {
  store: StateStore;
  restartNode(node: NodeRecord, seid: SeidRef | undefined, signal?: AbortSignal): Promise<NodeRecord>;
}

/** How long a SIGKILLed seid gets to be gone before kill gives up waiting. */
const KILL_WAIT_MS = 5_000;

/**
 * Fault injection on seid processes: SIGSTOP/SIGCONT of the node's process
 * group, SIGKILL, a start on the same home, and cutting its links on the
 * network's P2P relay.
 */
export function localFaults(deps: LocalFaultDeps): NodeFaults<NodeView> {
  const running = (view: NodeView, what: string) => {
    if (!view.proc || !view.alive) {
      throw new ConflictError(
        `Cannot ${what} node "${view.record.name}": seid is not running (${view.phase}).`,
      );
    }
    return view.proc;
  };
  const relayOf = async (view: NodeView, what: string): Promise<RelayRecord> => {
    const { record } = view;
    const network: NetworkRecord | undefined = await deps.store.readNetwork(
      record.networkNamespace,
      record.network,
    );
    if (!network?.relay?.pid || !record.relay) {
      throw new UsageError(
        `Cannot ${what} node "${record.name}": its network "${record.network}" was made without the P2P relay (no toxiproxy-server was found; run scripts/install-toxiproxy.sh or set SEINET_TOXIPROXY, then make the network again).`,
        { field: what },
      );
    }
    if (!alive(network.relay.pid)) {
      throw new InfraError(
        `The P2P relay of network "${record.network}" (pid ${network.relay.pid}) is gone, so its nodes cannot reach each other; delete the network and make it again.`,
      );
    }
    return network.relay;
  };
  return {
    pause: async (view) => killGroup(running(view, "pause").pgid, "SIGSTOP"),
    unpause: async (view) => killGroup(running(view, "unpause").pgid, "SIGCONT"),
    disconnect: async (view, signal) => cutLinks(await relayOf(view, "disconnect"), view.record.name, signal),
    reconnect: async (view, signal) =>
      restoreLinks(await relayOf(view, "reconnect"), view.record.name, signal),
    kill: async (view, signal) => {
      const proc = running(view, "kill");
      try {
        process.kill(proc.pid, "SIGKILL");
      } catch {}
      // A paused wrapper records seid's exit code only once it runs again.
      killGroup(proc.pgid, "SIGCONT");
      const deadline = Date.now() + KILL_WAIT_MS;
      while (Date.now() < deadline && (await isAlive(proc))) {
        throwIfAborted(signal, `killing node "${view.record.name}"`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    restart: async (view, signal) => {
      await deps.restartNode(view.record, undefined, signal);
    },
  };
}
