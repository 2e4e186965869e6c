import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { type HomePlan, type PeerRoute, initFollowerHome, runGenesisCeremony } from "../../chain/ceremony.js";
import type { NodeRole } from "../../chain/config.js";
import { configUsageError } from "../../chain/configUsageError.js";
import { networkCeremony } from "../../chain/networkCeremony.js";
import { peerAddress } from "../../chain/nodeId.js";
import { type NodePorts, portList } from "../../chain/ports.js";
import { type TestAccount, generateTestAccount } from "../../chain/testAccount.js";
import { MIN_FOLLOWER_PEERS, compareNodes, followerPeers, networkTopology } from "../../chain/topology.js";
import type { Network, Node, Task, Workflow } from "../../client/handles.js";
import type {
  CreateNetworkOptions,
  DeleteOptions,
  GetOptions,
  ListOptions,
  OpOptions,
} from "../../client/options.js";
import type { Provider } from "../../client/provider.js";
import { ConflictError } from "../../errors/conflict.js";
import { NotFoundError } from "../../errors/notFound.js";
import { UsageError } from "../../errors/usage.js";
import { throwIfAborted } from "../../internal/abort.js";
import { copyTree, isImmutableFile } from "../../internal/copyTree.js";
import { logger } from "../../internal/debug.js";
import { LABEL_MANAGED_BY, LABEL_NETWORK, LABEL_ROLE, MANAGED_BY, ROLE_NODE } from "../../labels.js";
import type { NetworkSpec, NodeSpec, TaskSpec, WorkflowSpec } from "../../specs/types.js";
import { readArchiveManifest } from "../../templates/archiveFile.js";
import { archiveSpec } from "../../templates/archiveSpec.js";
import { checkArchiveSeid } from "../../templates/checkpointArchive.js";
import { finishSeededHome, leftOutOfSeed, seedRefusal, seedSource } from "../../templates/followerSeed.js";
import { importArchive } from "../../templates/importArchive.js";
import { saveTemplate } from "../../templates/saveTemplate.js";
import { readTemplate } from "../../templates/templateCache.js";
import { seidName, templateFacts, templateKey } from "../../templates/templateKey.js";
import { NetworkHandle } from "../node/networkHandle.js";
import { NodeHandle } from "../node/nodeHandle.js";
import { allocatePorts } from "./allocatePorts.js";
import { hostRuntime } from "./hostRuntime.js";
import { type LocalOps, type LocalReads, localOps } from "./localOps.js";
import type { NetworkRecord, NodeRecord, SeidRef } from "./records.js";
import { LocalRelay, relayPorts, relayRoute } from "./relay/localRelay.js";
import { RESTART_GRACE_MS, isAlive, startSeid, stopSeid } from "./seidProcess.js";
import type { SeidResolver } from "./seidResolver.js";
import { prepareStateSync, requireSnapshots } from "./stateSync/prepareStateSync.js";
import { StateStore } from "./store.js";
import { LocalTaskRunner } from "./tasks/taskRunner.js";
import { cloneHomes } from "./templates/cloneHomes.js";
import { type NetworkView, type NodeView, networkPhase, viewNode } from "./views.js";
import { waitListening } from "./waitListening.js";
import { LocalWorkflowRunner } from "./workflows/workflowRunner.js";

const log = logger("local");

/** Host every local node listens on and dials. */
const HOST = "127.0.0.1";

/** How long seid gets to exit on SIGTERM before SIGKILL when a node is deleted. */
const STOP_GRACE_MS = 2_000;

const networkExists = (name: string, namespace: string) =>
  new ConflictError(`Network "${name}" already exists in namespace "${namespace}".`, {
    metaMessages: ["Delete it first (`seinet down`), or choose another name."],
  });

/** Options of {@link LocalProvider}. */
export interface LocalProviderOptions {
  store: StateStore;
  resolveSeid: SeidResolver;
  defaultNamespace: string;
  /** Progress lines for long steps (the CLI prints them). */
  onProgress?: ((step: string) => void) | undefined;
  /** Where warm templates are kept. */
  templateDir: string;
}

/**
 * The local mode: every node is a seid process on this machine, listening on
 * loopback ports chosen free, with its record, home, log and pid under the
 * state root so any process can read it back.
 */
export class LocalProvider implements Provider, LocalReads {
  readonly mode = "local";
  readonly #runner: LocalTaskRunner;
  readonly #workflows: LocalWorkflowRunner;
  readonly store: StateStore;
  readonly #resolve: SeidResolver;
  readonly #namespace: string;
  readonly #progress: (step: string) => void;
  readonly #ops: LocalOps;
  readonly relay: LocalRelay;
  readonly #templates: string;

  constructor(options: LocalProviderOptions) {
    this.store = options.store;
    this.#templates = options.templateDir;
    this.#resolve = options.resolveSeid;
    this.#namespace = StateStore.namespace(options.defaultNamespace);
    this.#progress = options.onProgress ?? (() => {});
    this.relay = new LocalRelay(this.store);
    this.#ops = localOps(this);
    this.#runner = new LocalTaskRunner({
      store: this.store,
      resolve: this.#resolve,
      namespace: (ns) => this.#ns(ns),
      restartNode: (node, seid, signal) => this.restartNode(node, seid, signal),
    });
    this.#workflows = new LocalWorkflowRunner({
      store: this.store,
      namespace: (ns) => this.#ns(ns),
      stopNode: async (node) => {
        const proc = await this.store.readProc(node.namespace, node.name);
        if (proc && (await isAlive(proc))) await stopSeid(proc, RESTART_GRACE_MS);
      },
      startNode: async (node) => {
        // A node deleted while its workflow ran must stay deleted, not get a seid again.
        const current = await this.store.readNode(node.namespace, node.name);
        if (!current || current.state === "terminating") {
          throw new ConflictError(`Node "${node.name}" was deleted while its workflow ran.`);
        }
        await this.#start(node);
        node.state = "started";
        await this.store.writeNode(node);
      },
    });
  }

  #ns(ns: string | undefined): string {
    return StateStore.namespace(ns || this.#namespace);
  }

  async #reservedPorts(): Promise<Set<number>> {
    const reserved = new Set<number>();
    const nodes = await this.store.listNodes();
    for (const node of nodes) for (const p of portList(node.ports)) reserved.add(p);
    for (const p of relayPorts(await this.store.listNetworks(), nodes)) reserved.add(p);
    return reserved;
  }

  #nodeRecord(
    base: {
      name: string;
      namespace: string;
      network: string;
      networkNamespace: string;
      role: NodeRole;
      seid: SeidRef;
    },
    ports: NodePorts,
    labels: Record<string, string>,
    extra: Partial<NodeRecord> = {},
  ): NodeRecord {
    const paths = this.store.nodePaths(base.namespace, base.name);
    return {
      kind: "node",
      ...base,
      ports,
      nodeId: "",
      host: HOST,
      home: paths.home,
      logFile: paths.log,
      labels,
      createdAt: new Date().toISOString(),
      state: "initializing",
      ...extra,
    };
  }

  #homePlan(record: NodeRecord): HomePlan {
    return {
      name: record.name,
      home: record.home,
      p2pHost: HOST,
      config: {
        role: record.role,
        ports: record.ports,
        listenHost: HOST,
        // Others dial a node through its relay's public proxy, when it has one.
        externalAddress: `${HOST}:${record.relay?.public ?? record.ports.p2p}`,
      },
    };
  }

  async #start(record: NodeRecord): Promise<void> {
    const paths = this.store.nodePaths(record.namespace, record.name);
    const proc = await startSeid({
      seid: record.seid.path,
      home: record.home,
      logFile: paths.log,
      exitFile: paths.exit,
    });
    await this.store.writeProc(record.namespace, record.name, proc);
  }

  /** Starts seid on a node's home again and marks the record started. */
  async startNode(record: NodeRecord): Promise<void> {
    await this.#start(record);
    record.state = "started";
    await this.store.writeNode(record);
  }

  async createNetwork(given: NetworkSpec, options: CreateNetworkOptions): Promise<Network> {
    const { signal, from } = options;
    // An archive decides the chain: read and checked (spec, seid) before anything is made.
    const archive = from === undefined ? undefined : await readArchiveManifest(from, signal);
    const spec = archive ? archiveSpec(from as string, archive, given) : given;
    const ns = this.#ns(spec.namespace);
    const seid = await this.#resolve(spec.binary, signal);
    if (archive) checkArchiveSeid(from as string, archive, seid);
    throwIfAborted(signal, `creating network "${spec.name}"`);
    const reuse = options.template === "reuse" && !archive;
    const facts = templateFacts(spec, this.mode, seid);
    const key = templateKey(facts);
    const { validators: expected, sentry: expectedSentry } = networkTopology(spec);
    const roles = [...expected.map(() => "validator"), ...(expectedSentry ? ["sentry"] : [])];
    if (archive && archive.nodes.map((n) => n.role).join() !== roles.join()) {
      throw new UsageError(
        `"${from}" holds nodes ${archive.nodes.map((n) => `${n.name} (${n.role})`).join(", ")}; this seinet makes ${roles.join(", ")} for ${expected.length} validator(s).`,
        { field: "from", metaMessages: ["Export it again with this seinet."] },
      );
    }
    // Checked again under the lock below; here so a taken name unpacks nothing.
    if (archive && (await this.store.readNetwork(ns, spec.name))) throw networkExists(spec.name, ns);
    const found = archive
      ? await importArchive(from as string, archive, this.#templates, signal)
      : reuse
        ? await readTemplate(this.#templates, key)
        : undefined;
    const template = found?.nodes.length === roles.length ? found : undefined;
    const labels = { ...spec.labels, [LABEL_MANAGED_BY]: MANAGED_BY, [LABEL_NETWORK]: spec.name };
    const { validators: names, sentry } = networkTopology(spec);
    const testAccount = template?.testAccount ?? generateTestAccount();
    const network: NetworkRecord = {
      kind: "network",
      name: spec.name,
      namespace: ns,
      chainId: spec.chainId ?? spec.name,
      validators: names,
      ...(sentry ? { sentry } : {}),
      seid,
      testAccount,
      ...(spec.testAccounts ? { testAccounts: spec.testAccounts } : {}),
      ...(spec.snapshots ? { snapshots: spec.snapshots } : {}),
      ...(template ? { template: template.key } : {}),
      labels: spec.labels ?? {},
      createdAt: new Date().toISOString(),
      state: "initializing",
    };
    const base = { namespace: ns, network: spec.name, networkNamespace: ns, seid };
    const nodes = await this.store.withLock(async () => {
      if (await this.store.readNetwork(ns, spec.name)) throw networkExists(spec.name, ns);
      for (const name of [...names, ...(sentry ? [sentry] : [])]) {
        if (await this.store.readNode(ns, name)) {
          throw new ConflictError(`A node named "${name}" already exists in namespace "${ns}".`);
        }
      }
      const reserved = await this.#reservedPorts();
      const ports = await allocatePorts(names.length + (sentry ? 1 : 0), reserved);
      for (const p of ports.flatMap(portList)) reserved.add(p);
      const records = names.map((name, i) =>
        this.#nodeRecord(
          { ...base, name, role: "validator" },
          ports[i] as NodePorts,
          { ...labels, [LABEL_ROLE]: "validator" },
          { ordinal: i },
        ),
      );
      if (sentry) {
        records.push(
          this.#nodeRecord({ ...base, name: sentry, role: "sentry" }, ports[names.length] as NodePorts, {
            ...labels,
            [LABEL_ROLE]: "sentry",
          }),
        );
      }
      await this.relay.plan(network, records, reserved);
      for (const record of records) await this.store.writeNode(record);
      await this.store.writeNetwork(network);
      return records;
    });
    try {
      await this.relay.start(network, nodes, signal);
      await this.store.writeNetwork(network);
      const route = relayRoute(nodes);
      if (template) {
        this.#progress(
          `network ${spec.name}: from ${template.archive ? `checkpoint archive ${template.archive.file}` : "a template"} made ${template.createdAt}, at height ${template.height}`,
        );
        await cloneHomes(template, join(this.#templates, template.key), nodes, spec, signal, route);
      } else await this.#ceremony(spec, nodes, testAccount, signal, route);
      this.#progress(`network ${spec.name}: starting ${nodes.length} seid processes`);
      await Promise.all(
        nodes.map(async (record) => {
          if (spec.config) record.config = spec.config;
          await this.#start(record);
          record.state = "started";
          await this.store.writeNode(record);
        }),
      );
      network.state = "started";
      await this.store.writeNetwork(network);
    } catch (err) {
      log("network %s failed to come up; removing it: %s", spec.name, (err as Error).message);
      await this.#destroyNetwork(network, nodes);
      throw configUsageError(err);
    }
    const handle = new NetworkHandle(this.#ops, await this.viewNetwork(ns, spec.name));
    if (reuse && !template) {
      await saveTemplate(handle, {
        root: this.#templates,
        key,
        facts,
        testAccount,
        checkpointsDir: this.store.checkpointsDir(ns, spec.name),
        roles: Object.fromEntries(nodes.map((n) => [n.name, n.role])),
        signal,
        progress: this.#progress,
      });
    }
    return handle;
  }

  /** A new chain's homes by the genesis ceremony; each record gets its node id. */
  async #ceremony(
    spec: NetworkSpec,
    nodes: NodeRecord[],
    testAccount: TestAccount,
    signal: AbortSignal | undefined,
    route: PeerRoute,
  ): Promise<void> {
    const validators = nodes.filter((n) => n.role === "validator");
    const full = nodes.filter((n) => n.role !== "validator");
    const result = await runGenesisCeremony(
      hostRuntime((nodes[0] as NodeRecord).seid.path),
      networkCeremony(
        spec,
        {
          validators: validators.map((r) => this.#homePlan(r)),
          fullNodes: full.map((r) => this.#homePlan(r)),
        },
        testAccount,
        { signal, onStep: (step) => this.#progress(`network ${spec.name}: ${step}`), route },
      ),
    );
    for (const record of nodes)
      record.nodeId = result.nodes.find((n) => n.name === record.name)?.nodeId ?? "";
  }

  async getNetwork(name: string, options: GetOptions): Promise<Network> {
    return new NetworkHandle(this.#ops, await this.viewNetwork(this.#ns(options.namespace), name));
  }

  async viewNetwork(namespace: string, name: string): Promise<NetworkView> {
    const record = await this.store.readNetwork(namespace, name);
    if (!record) throw new NotFoundError("network", name, { namespace });
    const members = [...record.validators, ...(record.sentry ? [record.sentry] : [])];
    const nodes: NodeView[] = [];
    for (const member of members) {
      const node = await this.store.readNode(namespace, member);
      if (node) nodes.push(await viewNode(this.store, node));
    }
    const { phase, reason } = networkPhase(record, nodes);
    return { record, nodes, phase, reason };
  }

  async viewNode(namespace: string, name: string): Promise<NodeView> {
    const record = await this.store.readNode(namespace, name);
    if (!record) throw new NotFoundError("node", name, { namespace });
    return viewNode(this.store, record);
  }

  async createNode(spec: NodeSpec, options: OpOptions): Promise<Node> {
    const { signal } = options;
    const ns = this.#ns(spec.namespace);
    const netNs = this.#ns(spec.networkNamespace ?? spec.namespace);
    const network = await this.store.readNetwork(netNs, spec.network);
    if (!network) throw new NotFoundError("network", spec.network, { namespace: netNs });
    if (network.state !== "started") {
      throw new ConflictError(
        `Network "${spec.network}" is ${network.state}; a follower can join only a started network.`,
      );
    }
    if (spec.stateSync) requireSnapshots(network, "stateSync");
    const seid = spec.binary ? await this.#resolve(spec.binary, signal) : network.seid;
    throwIfAborted(signal, `creating node "${spec.name}"`);
    const labels = {
      ...spec.labels,
      [LABEL_MANAGED_BY]: MANAGED_BY,
      [LABEL_ROLE]: ROLE_NODE,
      [LABEL_NETWORK]: spec.network,
    };
    const { record, peerRecords } = await this.store.withLock(async () => {
      if (await this.store.readNode(ns, spec.name)) {
        throw new ConflictError(`A node named "${spec.name}" already exists in namespace "${ns}".`);
      }
      const reserved = await this.#reservedPorts();
      const [ports] = await allocatePorts(1, reserved);
      for (const p of portList(ports as NodePorts)) reserved.add(p);
      const made = this.#nodeRecord(
        {
          name: spec.name,
          namespace: ns,
          network: spec.network,
          networkNamespace: netNs,
          role: "follower",
          seid,
        },
        ports as NodePorts,
        labels,
        spec.config ? { config: spec.config } : {},
      );
      const ofNetwork = (await this.store.listNodes()).filter(
        (n) => n.network === spec.network && n.networkNamespace === netNs,
      );
      const peersNow = followerPeers(
        made.name,
        ofNetwork.map((n) => ({ ...n, running: n.state === "started" && n.nodeId !== "" })),
      );
      await this.relay.planFollower(network, made, peersNow, reserved);
      await this.store.writeNode(made);
      return { record: made, peerRecords: peersNow };
    });
    try {
      const route = relayRoute([record]);
      const peers = peerRecords.map((n) => {
        const via = route(record.name, n.name);
        return peerAddress(n.nodeId, via?.host ?? n.host, via?.port ?? n.ports.p2p);
      });
      const first = await this.store.readNode(netNs, network.validators[0] as string);
      if (!first) throw new NotFoundError("node", network.validators[0] as string, { namespace: netNs });
      const genesis = await readFile(`${first.home}/config/genesis.json`, "utf8");
      if (spec.stateSync) {
        record.stateSync = await prepareStateSync({
          store: this.store,
          network,
          rpcServers: spec.stateSync.rpcServers,
          resource: `node/${spec.name}`,
          signal,
        });
      }
      record.nodeId =
        (await this.#seedFollower(network, record, spec, { genesis, peers, signal })) ??
        (await initFollowerHome(hostRuntime(seid.path), {
          chainId: network.chainId,
          plan: this.#homePlan(record),
          genesis,
          peers,
          configOverrides: spec.config,
          stateSync: record.stateSync,
          signal,
        }));
      // Peers of a network created a moment ago may not listen yet. Two are
      // enough to start: block sync needs two, the rest are dialed again later.
      await waitListening(
        peerRecords.map((n) => ({ host: n.host, port: n.ports.p2p })),
        { timeoutMs: 30_000, atLeast: MIN_FOLLOWER_PEERS, signal },
      );
      await this.relay.join(network, [record], peerRecords, signal);
      await this.#start(record);
      record.state = "started";
      await this.store.writeNode(record);
    } catch (err) {
      await this.#destroyNodes([record]);
      throw configUsageError(err);
    }
    return new NodeHandle(this.#ops, await this.viewNode(ns, spec.name));
  }

  /**
   * A follower of a network cloned from a template starts from the
   * template's chain data (a copy of its sentry's home, new keys): no
   * `seid init`, no InitChain, and block sync from the template's height.
   * Resolves with its node id, or undefined when it must start from genesis
   * (see seedRefusal, or the template is gone).
   */
  async #seedFollower(
    network: NetworkRecord,
    record: NodeRecord,
    spec: NodeSpec,
    wiring: { genesis: string; peers: string[]; signal: AbortSignal | undefined },
  ): Promise<string | undefined> {
    const template = network.template ? await readTemplate(this.#templates, network.template) : undefined;
    if (!template) return undefined;
    const refusal = seedRefusal({
      template,
      seid: seidName(record.seid),
      config: spec.config,
      stateSync: record.stateSync !== undefined,
    });
    if (refusal) {
      log("follower %s starts from genesis: %s", record.name, refusal);
      return undefined;
    }
    const { signal } = wiring;
    try {
      await copyTree(join(this.#templates, template.key, seedSource(template)), record.home, {
        link: isImmutableFile,
        skip: leftOutOfSeed,
        signal,
      });
    } catch (err) {
      await rm(record.home, { recursive: true, force: true });
      if (signal?.aborted) throw err;
      // Pruned meanwhile, say: a fresh follower is slower, not wrong.
      log("follower %s starts from genesis: template %s: %s", record.name, template.key, String(err));
      return undefined;
    }
    this.#progress(`${record.name}: from the template's chain data at height ${template.height}`);
    return finishSeededHome(
      hostRuntime(record.seid.path),
      record.home,
      { chainId: network.chainId, genesis: wiring.genesis },
      { ...this.#homePlan(record).config, peers: wiring.peers, overrides: spec.config, moniker: record.name },
    );
  }

  async getNode(name: string, options: GetOptions): Promise<Node> {
    return new NodeHandle(this.#ops, await this.viewNode(this.#ns(options.namespace), name));
  }

  /** Stops nodes in parallel and removes their directories (and so their port reservations). */
  async #destroyNodes(records: readonly NodeRecord[]): Promise<void> {
    await Promise.all(
      records.map(async (record) => {
        const proc = await this.store.readProc(record.namespace, record.name).catch(() => undefined);
        if (proc) await stopSeid(proc, STOP_GRACE_MS);
        if (record.role === "follower" && record.relay) {
          const network = await this.store
            .readNetwork(record.networkNamespace, record.network)
            .catch(() => undefined);
          await this.relay.leave(network, record);
        }
      }),
    );
    await this.store.withLock(async () => {
      for (const record of records) await this.store.removeNode(record.namespace, record.name);
    });
  }

  async #destroyNetwork(network: NetworkRecord, nodes: readonly NodeRecord[]): Promise<void> {
    await this.#destroyNodes(nodes);
    await this.relay.stop(network);
    await this.store.withLock(() => this.store.removeNetwork(network.namespace, network.name));
    await rm(this.store.checkpointsDir(network.namespace, network.name), { recursive: true, force: true });
  }

  async deleteNode(namespace: string, name: string, options: DeleteOptions): Promise<void> {
    throwIfAborted(options.signal, `deleting node "${name}"`);
    const record = await this.store.withLock(async () => {
      const found = await this.store.readNode(namespace, name);
      if (!found) return undefined;
      if (found.role !== "follower") {
        throw new ConflictError(
          `Node "${name}" is a ${found.role} of network "${found.network}": delete the network instead.`,
        );
      }
      found.state = "terminating";
      await this.store.writeNode(found);
      return found;
    });
    if (record) await this.#destroyNodes([record]);
  }

  async deleteNetwork(namespace: string, name: string, options: DeleteOptions): Promise<void> {
    throwIfAborted(options.signal, `deleting network "${name}"`);
    const found = await this.store.withLock(async () => {
      const network = await this.store.readNetwork(namespace, name);
      if (!network) return undefined;
      const all = await this.store.listNodes();
      const followers = all.filter(
        (n) => n.role === "follower" && n.network === name && n.networkNamespace === namespace,
      );
      if (followers.length > 0 && !options.cascade) {
        throw new ConflictError(
          `Network "${name}" still has followers: ${followers.map((f) => `${f.namespace}/${f.name}`).join(", ")}.`,
          { metaMessages: ["Delete them first, or pass { cascade: true } to delete them with the network."] },
        );
      }
      const members = all.filter(
        (n) => n.role !== "follower" && n.network === name && n.namespace === namespace,
      );
      network.state = "terminating";
      await this.store.writeNetwork(network);
      for (const node of [...members, ...followers]) {
        node.state = "terminating";
        await this.store.writeNode(node);
      }
      return { network, nodes: [...members, ...followers] };
    });
    if (found) await this.#destroyNetwork(found.network, found.nodes);
  }

  async listNetworks(options: ListOptions): Promise<Network[]> {
    const ns = options.allNamespaces ? undefined : this.#ns(options.namespace);
    const records = await this.store.listNetworks(ns);
    const out: Network[] = [];
    for (const r of records) {
      const view = await this.viewNetwork(r.namespace, r.name).catch(() => undefined);
      if (view) out.push(new NetworkHandle(this.#ops, view));
    }
    return out;
  }

  async listNodes(options: ListOptions): Promise<Node[]> {
    const ns = options.allNamespaces ? undefined : this.#ns(options.namespace);
    const records = (await this.store.listNodes(options.network ? undefined : ns)).filter(
      (r) => !options.network || (r.network === options.network && (!ns || r.networkNamespace === ns)),
    );
    records.sort(compareNodes);
    return Promise.all(records.map(async (r) => new NodeHandle(this.#ops, await viewNode(this.store, r))));
  }

  /** Starts a task; see LocalTaskRunner.run. */
  runTask(spec: TaskSpec, options: OpOptions): Promise<Task> {
    return this.#runner.run(spec, options);
  }

  /**
   * Stops a node's seid (SIGTERM, up to 15 s, SIGKILL) if it runs, and starts
   * `seid` (or the same binary) on the same home; the record notes the seid.
   */
  async restartNode(node: NodeRecord, seid: SeidRef | undefined, signal?: AbortSignal): Promise<NodeRecord> {
    throwIfAborted(signal, `restarting node "${node.name}"`);
    const current = (await this.store.readNode(node.namespace, node.name)) ?? node;
    const proc = await this.store.readProc(current.namespace, current.name);
    if (proc && (await isAlive(proc))) await stopSeid(proc, RESTART_GRACE_MS);
    if (seid) current.seid = seid;
    await this.#start(current);
    current.state = "started";
    await this.store.writeNode(current);
    return current;
  }

  getTask(name: string, options: GetOptions): Promise<Task> {
    return this.#runner.get(name, options);
  }

  /** Starts a workflow; see LocalWorkflowRunner.run. */
  createWorkflow(spec: WorkflowSpec, options: OpOptions): Promise<Workflow> {
    return this.#workflows.run(spec, options);
  }

  getWorkflow(name: string, options: GetOptions): Promise<Workflow> {
    return this.#workflows.get(name, options);
  }

  /** Cancels the tasks and workflows this process still runs (their records say so) and waits for them. */
  async close(): Promise<void> {
    await Promise.all([this.#runner.close(), this.#workflows.close()]);
  }
}
