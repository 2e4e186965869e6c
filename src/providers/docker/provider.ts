import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type Docker from "dockerode";
import { type HomePlan, initFollowerHome, runGenesisCeremony } from "../../chain/ceremony.js";
import type { NodeRole } from "../../chain/config.js";
import { configUsageError } from "../../chain/configUsageError.js";
import { networkCeremony } from "../../chain/networkCeremony.js";
import { nodeIdFromNodeKey, peerAddress } from "../../chain/nodeId.js";
import { DEFAULT_PORTS } from "../../chain/ports.js";
import { type TestAccount, generateTestAccount } from "../../chain/testAccount.js";
import { compareNodes, followerPeers, networkTopology } from "../../chain/topology.js";
import type { Network, Node, Task, Workflow } from "../../client/handles.js";
import type { CreateNetworkOptions } from "../../client/options.js";
import type { DeleteOptions, GetOptions, ListOptions, OpOptions } from "../../client/options.js";
import type { Provider } from "../../client/provider.js";
import { ConflictError } from "../../errors/conflict.js";
import { NotFoundError } from "../../errors/notFound.js";
import { UsageError } from "../../errors/usage.js";
import { throwIfAborted } from "../../internal/abort.js";
import { logger } from "../../internal/debug.js";
import {
  LABEL_CHAIN_ID,
  LABEL_IMAGE,
  LABEL_MANAGED_BY,
  LABEL_NAMESPACE,
  LABEL_NETWORK,
  LABEL_NETWORK_NAMESPACE,
  LABEL_NODE,
  LABEL_NODE_ROLE,
  LABEL_ORDINAL,
  LABEL_ROLE,
  LABEL_RUN,
  LABEL_SENTRY,
  LABEL_TEMPLATE,
  LABEL_TEST_ACCOUNTS,
  LABEL_VALIDATORS,
  MANAGED_BY,
  ROLE_CEREMONY,
  ROLE_NETWORK,
  roleLabel,
} from "../../labels.js";
import type { NetworkSpec, NodeSpec, TaskSpec, WorkflowSpec } from "../../specs/types.js";
import { FileTaskStore } from "../../tasks/fileTaskStore.js";
import { TaskRunner } from "../../tasks/taskRunner.js";
import { finishSeededHome, leftOutOfSeed, seedRefusal, seedSource } from "../../templates/followerSeed.js";
import { refuseArchive } from "../../templates/refuseTemplate.js";
import { saveTemplate } from "../../templates/saveTemplate.js";
import { type NetworkTemplate, readTemplate, templatesRoot } from "../../templates/templateCache.js";
import { templateFacts, templateKey } from "../../templates/templateKey.js";
import { NetworkHandle } from "../node/networkHandle.js";
import { NodeHandle } from "../node/nodeHandle.js";
import { readContainerFile } from "./archive.js";
import { CeremonyContainer } from "./ceremonyContainer.js";
import { checkpointsDir, restoreFailure } from "./checkpoints/dockerCheckpoints.js";
import { loadHome } from "./checkpoints/homeArchive.js";
import { ContainerRuntime } from "./containerRuntime.js";
import { ignoreMissing, isDockerNotFound, mapDockerError } from "./dockerErrors.js";
import { type DockerOps, type DockerReads, dockerOps } from "./dockerOps.js";
import { baseLabels, labelFilter } from "./labelSets.js";
import { CONTAINER_HOME, DEFAULT_NAMESPACE, resourceName } from "./names.js";
import {
  createNodeContainer,
  ensureImage,
  refuseLeftoverVolumes,
  seinetContainers,
} from "./nodeContainer.js";
import { type DockerTarget, dockerTaskBackend } from "./tasks/dockerTaskBackend.js";
import { dockerTaskRoot } from "./tasks/taskStateRoot.js";
import { destroyNetwork, removeContainers, removeVolumes } from "./teardown.js";
import { cloneVolumes } from "./templates/cloneVolumes.js";
import { readTestAccount, writeTestAccount } from "./testAccountFile.js";
import {
  type NetworkView,
  type NodeView,
  keyInLabelReason,
  networkFacts,
  networkPhase,
  viewNode,
} from "./views.js";

const log = logger("docker");

/** Options of {@link DockerProvider}. */
export interface DockerProviderOptions {
  docker: Docker;
  defaultNamespace: string;
  /** Stamped on everything this provider creates ({@link LABEL_RUN}). */
  runId?: string;
  onProgress?: ((step: string) => void) | undefined;
  /** Root of the task records (see {@link dockerTaskRoot}); default under the XDG state dir. */
  stateDir?: string | undefined;
  /** Where warm templates are kept (default `templatesRoot()`). */
  templateDir?: string | undefined;
}

/** What a new follower's home takes from its network. */
interface JoinFacts {
  peers: string[];
  genesis: string;
}

/**
 * The docker mode: every node is a container of the network's image on the
 * network's own Docker network, its home in a volume, its RPC ports published
 * on 127.0.0.1. Nothing is kept in this process: every read asks the engine,
 * by labels, so another process sees the same networks.
 */
export class DockerProvider implements Provider, DockerReads {
  readonly mode = "docker";
  readonly docker: Docker;
  readonly runId: string;
  readonly #namespace: string;
  readonly #progress: (step: string) => void;
  readonly #stateDir: string | undefined;
  readonly #templates: string;
  /** Test accounts read back, by Docker network ID (a recreated network has a new one). */
  readonly #accounts = new Map<string, TestAccount>();
  #runner: Promise<TaskRunner<DockerTarget>> | undefined;
  #root: Promise<string> | undefined;
  readonly #ops: DockerOps;

  constructor(options: DockerProviderOptions) {
    this.docker = options.docker;
    this.#namespace = options.defaultNamespace || DEFAULT_NAMESPACE;
    this.runId = options.runId ?? randomBytes(6).toString("hex");
    this.#progress = options.onProgress ?? (() => {});
    this.#stateDir = options.stateDir;
    this.#templates = options.templateDir ?? templatesRoot();
    this.#ops = dockerOps(this);
  }

  /** This machine's state root for the engine (task records, checkpoints), keyed by the engine's ID. */
  stateRoot(): Promise<string> {
    this.#root ??= this.docker
      .info()
      .then((info: { ID?: string }) => dockerTaskRoot(info.ID ?? "", this.#stateDir))
      .catch((err: unknown) => {
        this.#root = undefined;
        throw mapDockerError(err, "reading the Docker engine's ID");
      });
    return this.#root;
  }

  /** The task runner, made on first use: its store is keyed by the engine's ID. */
  #tasks(): Promise<TaskRunner<DockerTarget>> {
    this.#runner ??= this.stateRoot()
      .then((root) => {
        const store = new FileTaskStore(root);
        return new TaskRunner(
          store,
          dockerTaskBackend({
            docker: this.docker,
            namespace: (ns) => this.#ns(ns),
            viewNode: (ns, name) => this.viewNode(ns, name),
            viewNetwork: (ns, name) => this.viewNetwork(ns, name),
          }),
        );
      })
      .catch((err: unknown) => {
        this.#runner = undefined;
        throw err;
      });
    return this.#runner;
  }

  #ns(ns: string | undefined): string {
    return ns || this.#namespace;
  }

  dockerNetworkOf(view: NodeView): string {
    return resourceName(view.networkNamespace, view.network);
  }

  async #findNetwork(namespace: string, name: string): Promise<Docker.NetworkInspectInfo | undefined> {
    const found = await this.docker.listNetworks({
      filters: labelFilter({
        [LABEL_ROLE]: ROLE_NETWORK,
        [LABEL_NETWORK]: name,
        [LABEL_NAMESPACE]: namespace,
      }),
    });
    return found[0];
  }

  /** A node's home in the ceremony container; peers dial its container name. */
  #homePlan(namespace: string, node: string, role: NodeRole): HomePlan {
    const host = resourceName(namespace, node);
    return {
      name: node,
      home: CeremonyContainer.home(node),
      p2pHost: host,
      config: {
        role,
        ports: DEFAULT_PORTS,
        listenHost: "0.0.0.0",
        externalAddress: `${host}:${DEFAULT_PORTS.p2p}`,
      },
    };
  }

  async createNetwork(spec: NetworkSpec, options: CreateNetworkOptions): Promise<Network> {
    refuseArchive(this.mode, options);
    const { signal } = options;
    if (!spec.image) {
      throw new UsageError(
        "`image` is required in the docker mode: a seid image, for example one made by buildSeidImage (`seinet image build`).",
        { field: "image" },
      );
    }
    const image = spec.image;
    const ns = this.#ns(spec.namespace);
    if (await this.#findNetwork(ns, spec.name)) {
      throw new ConflictError(`Network "${spec.name}" already exists in namespace "${ns}".`, {
        metaMessages: ["Delete it first (`seinet down`), or choose another name."],
      });
    }
    const { sentry, members: topology } = networkTopology(spec);
    const members = topology.map((m) => m.name);
    const taken = await seinetContainers(this.docker, { [LABEL_NAMESPACE]: ns });
    for (const member of members) {
      if (taken.some((c) => c.Labels[LABEL_NODE] === member)) {
        throw new ConflictError(`A node named "${member}" already exists in namespace "${ns}".`);
      }
    }
    await refuseLeftoverVolumes(this.docker, ns, members);
    await ensureImage(this.docker, image, "image", this.#progress, signal);
    throwIfAborted(signal, `creating network "${spec.name}"`);

    // The image is the seid: a built image's tag carries its content hash.
    const reuse = options.template === "reuse";
    const facts = templateFacts(spec, this.mode, { path: image });
    const key = templateKey(facts);
    const found = reuse ? await readTemplate(this.#templates, key) : undefined;
    const template = found?.nodes.length === members.length ? found : undefined;
    const testAccount = template?.testAccount ?? generateTestAccount();
    const roleOf = (member: string): NodeRole => (member === sentry ? "sentry" : "validator");
    const base = baseLabels(ns, spec.name, this.runId, spec.labels);
    const dockerNetwork = resourceName(ns, spec.name);
    // Only what this client made: a racing creator's network must survive our failure.
    const cleanup = () => destroyNetwork(this.docker, ns, spec.name, true, { [LABEL_RUN]: this.runId });
    let ceremony: CeremonyContainer | undefined;
    try {
      this.#progress(`network ${spec.name}: docker network, volumes, containers`);
      const made = await this.docker
        .createNetwork({
          Name: dockerNetwork,
          Driver: "bridge",
          CheckDuplicate: true,
          Labels: {
            ...base,
            [LABEL_ROLE]: ROLE_NETWORK,
            [LABEL_VALIDATORS]: String(spec.validators),
            [LABEL_CHAIN_ID]: spec.chainId ?? spec.name,
            [LABEL_SENTRY]: sentry ?? "",
            [LABEL_IMAGE]: image,
            ...(template ? { [LABEL_TEMPLATE]: template.key } : {}),
            ...(spec.testAccounts ? { [LABEL_TEST_ACCOUNTS]: String(spec.testAccounts) } : {}),
          },
        })
        .catch((err: unknown) => {
          throw mapDockerError(err, `creating Docker network ${dockerNetwork}`);
        });
      this.#accounts.set(made.id, testAccount);
      await Promise.all(
        members.map(async (member, i) => {
          const role = roleOf(member);
          const labels = {
            ...base,
            [LABEL_ROLE]: roleLabel(role),
            [LABEL_NODE_ROLE]: role,
            [LABEL_NODE]: member,
            [LABEL_NETWORK_NAMESPACE]: ns,
            ...(role === "validator" ? { [LABEL_ORDINAL]: String(i) } : {}),
          };
          const volume = resourceName(ns, member);
          await this.docker.createVolume({ Name: volume, Labels: labels });
          await createNodeContainer(this.docker, {
            name: member,
            namespace: ns,
            image,
            dockerNetwork,
            labels,
            volume,
          });
        }),
      );
      this.#progress(`network ${spec.name}: ${template ? "homes from the template" : "genesis ceremony"}`);
      ceremony = await CeremonyContainer.start(this.docker, {
        name: resourceName(ns, `${spec.name}-ceremony`),
        image,
        volumes: members.map((m) => ({ volume: resourceName(ns, m), node: m })),
        labels: { ...base, [LABEL_ROLE]: ROLE_CEREMONY },
      });
      const plans = members.map((m) => this.#homePlan(ns, m, roleOf(m)));
      if (template) {
        this.#progress(
          `network ${spec.name}: from a template made ${template.createdAt}, at height ${template.height}`,
        );
        await cloneVolumes(ceremony, template, join(this.#templates, template.key), plans, spec, signal);
      } else {
        await runGenesisCeremony(
          ceremony,
          networkCeremony(
            spec,
            {
              validators: plans.filter((p) => p.config.role === "validator"),
              fullNodes: plans.filter((p) => p.config.role !== "validator"),
            },
            testAccount,
            { signal, onStep: (step) => this.#progress(`network ${spec.name}: ${step}`) },
          ),
        );
      }
      const done = ceremony;
      await Promise.all(
        members.map((m) => writeTestAccount(done.container, CeremonyContainer.home(m), testAccount)),
      );
      ceremony = undefined;
      this.#progress(`network ${spec.name}: starting ${members.length} containers`);
      await Promise.all([
        done.remove(),
        ...members.map((m) => this.docker.getContainer(resourceName(ns, m)).start()),
      ]);
    } catch (err) {
      log("network %s failed to come up; removing it: %s", spec.name, (err as Error).message);
      await ceremony?.remove();
      await cleanup().catch(() => {});
      throw configUsageError(err);
    }
    const handle = new NetworkHandle(this.#ops, await this.viewNetwork(ns, spec.name));
    if (reuse && !template) {
      await saveTemplate(handle, {
        root: this.#templates,
        key,
        facts,
        testAccount,
        checkpointsDir: checkpointsDir(await this.stateRoot(), ns, spec.name),
        roles: Object.fromEntries(members.map((m) => [m, roleOf(m)])),
        signal,
        progress: this.#progress,
      });
    }
    return handle;
  }

  async getNetwork(name: string, options: GetOptions): Promise<Network> {
    return new NetworkHandle(this.#ops, await this.viewNetwork(this.#ns(options.namespace), name));
  }

  async viewNetwork(namespace: string, name: string): Promise<NetworkView> {
    const network = await this.#findNetwork(namespace, name);
    if (!network) throw new NotFoundError("network", name, { namespace });
    const facts = networkFacts(network);
    const containers = (
      await seinetContainers(this.docker, { [LABEL_NETWORK]: name, [LABEL_NETWORK_NAMESPACE]: namespace })
    ).filter((c) => c.Labels[LABEL_NODE_ROLE] === "validator" || c.Labels[LABEL_NODE_ROLE] === "sentry");
    const nodes = await this.#viewAll(containers);
    const order = (n: NodeView) => (n.role === "validator" ? (n.ordinal ?? 0) : 1_000);
    nodes.sort((a, b) => order(a) - order(b));
    const expected = facts.validators.length + (facts.sentry ? 1 : 0);
    const restoreFailed = await restoreFailure(await this.stateRoot(), namespace, name);
    const { phase, reason } = facts.keyInLabel
      ? { phase: "Failed" as const, reason: keyInLabelReason(name) }
      : restoreFailed
        ? { phase: "Failed" as const, reason: restoreFailed }
        : networkPhase(expected, nodes);
    const testAccount = facts.keyInLabel ? undefined : await this.#testAccount(network.Id, nodes);
    return { ...facts, testAccount, network, nodes, phase, reason };
  }

  /** The network's test account, read once from the first node container that holds it. */
  async #testAccount(networkId: string, nodes: readonly NodeView[]): Promise<TestAccount | undefined> {
    const known = this.#accounts.get(networkId);
    if (known) return known;
    for (const node of nodes) {
      const account = await readTestAccount(this.docker.getContainer(node.inspect.Id));
      if (account) {
        this.#accounts.set(networkId, account);
        return account;
      }
    }
    return undefined;
  }

  async #viewAll(containers: readonly Docker.ContainerInfo[]): Promise<NodeView[]> {
    const views = await Promise.all(
      containers.map((c) => viewNode(this.docker.getContainer(c.Id)).catch(() => undefined)),
    );
    return views.filter((v): v is NodeView => v !== undefined);
  }

  async viewNode(namespace: string, name: string): Promise<NodeView> {
    try {
      const view = await viewNode(this.docker.getContainer(resourceName(namespace, name)));
      if (view.namespace === namespace && view.name === name) return view;
    } catch (err) {
      if (!isDockerNotFound(err)) throw mapDockerError(err, `inspecting node "${name}"`);
    }
    throw new NotFoundError("node", name, { namespace });
  }

  async createNode(spec: NodeSpec, options: OpOptions): Promise<Node> {
    const { signal } = options;
    const ns = this.#ns(spec.namespace);
    const netNs = this.#ns(spec.networkNamespace ?? spec.namespace);
    if (spec.stateSync) {
      throw new UsageError(
        "`stateSync` is not supported in the docker mode yet: a follower syncs from genesis by block sync, which takes seconds on a new network.",
        { field: "stateSync" },
      );
    }
    const network = await this.viewNetwork(netNs, spec.network);
    if (network.keyInLabel) throw new ConflictError(keyInLabelReason(spec.network));
    if (network.phase === "Initializing" || network.phase === "Terminating") {
      throw new ConflictError(
        `Network "${spec.network}" is ${network.phase}; a follower can join only a started network.`,
      );
    }
    const image = spec.image ?? network.image;
    if (!image) throw new UsageError("`image` is required in the docker mode.", { field: "image" });
    if (spec.image) await ensureImage(this.docker, spec.image, "image", this.#progress, signal);
    const existing = await seinetContainers(this.docker, { [LABEL_NAMESPACE]: ns, [LABEL_NODE]: spec.name });
    if (existing.length > 0) {
      throw new ConflictError(`A node named "${spec.name}" already exists in namespace "${ns}".`);
    }
    throwIfAborted(signal, `creating node "${spec.name}"`);
    const labels = {
      ...baseLabels(ns, spec.network, this.runId, spec.labels),
      [LABEL_ROLE]: roleLabel("follower"),
      [LABEL_NODE_ROLE]: "follower",
      [LABEL_NODE]: spec.name,
      [LABEL_NETWORK_NAMESPACE]: netNs,
    };
    const volume = resourceName(ns, spec.name);
    const seed = await this.#seedOf(network, spec, image);
    let ceremony: CeremonyContainer | undefined;
    let container: Docker.Container | undefined;
    try {
      await this.docker.createVolume({ Name: volume, Labels: labels });
      // The node's container, the ceremony container (a follower seeded from
      // a template needs none) and what the home needs from the network come
      // at once; whatever was made is removed on failure.
      const [made, started, known] = await Promise.allSettled([
        createNodeContainer(this.docker, {
          name: spec.name,
          namespace: ns,
          image,
          dockerNetwork: resourceName(netNs, spec.network),
          labels,
          volume,
        }),
        seed
          ? Promise.resolve(undefined)
          : CeremonyContainer.start(this.docker, {
              name: resourceName(ns, `${spec.name}-ceremony`),
              image,
              volumes: [{ volume, node: spec.name }],
              labels: { ...labels, [LABEL_ROLE]: ROLE_CEREMONY },
            }),
        this.#joinFacts(network, netNs, spec.name),
      ]);
      if (made.status === "fulfilled") container = made.value;
      if (started.status === "fulfilled") ceremony = started.value;
      for (const step of [made, started, known]) if (step.status === "rejected") throw step.reason;
      const { peers, genesis } = (known as PromiseFulfilledResult<JoinFacts>).value;
      const node = container as Docker.Container;
      const plan = this.#homePlan(ns, spec.name, "follower");
      if (seed) {
        this.#progress(`${spec.name}: from the template's chain data at height ${seed.height}`);
        // Straight into the node's own (created, not started) container.
        await loadHome(node, join(this.#templates, seed.key, seedSource(seed)), signal, {
          skip: leftOutOfSeed,
        });
        await finishSeededHome(
          new ContainerRuntime(this.docker, node),
          CONTAINER_HOME,
          { chainId: network.chainId, genesis },
          { ...plan.config, peers, overrides: spec.config, moniker: spec.name },
        );
        await node.start();
      } else {
        const home = ceremony as CeremonyContainer;
        await initFollowerHome(home, {
          chainId: network.chainId,
          plan,
          genesis,
          peers,
          configOverrides: spec.config,
          signal,
        });
        ceremony = undefined;
        await Promise.all([home.remove(), node.start()]);
      }
    } catch (err) {
      await ceremony?.remove();
      if (!(err instanceof ConflictError)) {
        await container?.remove({ force: true, v: true }).catch(() => {});
        await ignoreMissing(() => this.docker.getVolume(volume).remove()).catch(() => {});
      }
      throw configUsageError(err);
    }
    return new NodeHandle(this.#ops, await this.viewNode(ns, spec.name));
  }

  /**
   * The template a follower of a network cloned from one starts from: its
   * sentry's home (new keys) put into the follower's volume, so no `seid
   * init`, no InitChain, block sync from the template's height. Undefined
   * when it must start from genesis (see seedRefusal, or the template is gone).
   */
  async #seedOf(network: NetworkView, spec: NodeSpec, image: string): Promise<NetworkTemplate | undefined> {
    const template = network.template ? await readTemplate(this.#templates, network.template) : undefined;
    if (!template) return undefined;
    const refusal = seedRefusal({ template, seid: image, config: spec.config, stateSync: false });
    if (refusal) log("follower %s starts from genesis: %s", spec.name, refusal);
    return refusal ? undefined : template;
  }

  /**
   * What a new follower's home needs from its network: every running node as a
   * peer (validators, sentry, other followers) and the genesis.
   */
  async #joinFacts(network: NetworkView, netNs: string, follower: string): Promise<JoinFacts> {
    const nodes = (
      await seinetContainers(this.docker, {
        [LABEL_NETWORK]: network.name,
        [LABEL_NETWORK_NAMESPACE]: netNs,
      })
    ).filter((c) => c.Labels[LABEL_NODE_ROLE] !== undefined);
    const running = followerPeers(
      follower,
      nodes.map((c) => ({ ...c, name: c.Labels[LABEL_NODE] ?? "", running: c.State === "running" })),
    );
    const first = network.nodes.find((n) => n.role === "validator" && n.alive) ?? network.nodes[0];
    if (!first) throw new NotFoundError("node", `${network.name}-0`, { namespace: netNs });
    const [peers, genesis] = await Promise.all([
      Promise.all(
        running.map(async (c) => {
          const key = await readContainerFile(
            this.docker.getContainer(c.Id),
            `${CONTAINER_HOME}/config/node_key.json`,
          );
          const host = (c.Names[0] ?? "").replace(/^\//, "");
          return peerAddress(nodeIdFromNodeKey(key), host, DEFAULT_PORTS.p2p);
        }),
      ),
      readContainerFile(this.docker.getContainer(first.inspect.Id), `${CONTAINER_HOME}/config/genesis.json`),
    ]);
    return { peers, genesis };
  }

  async getNode(name: string, options: GetOptions): Promise<Node> {
    return new NodeHandle(this.#ops, await this.viewNode(this.#ns(options.namespace), name));
  }

  async deleteNode(namespace: string, name: string, options: DeleteOptions): Promise<void> {
    throwIfAborted(options.signal, `deleting node "${name}"`);
    const found = await seinetContainers(this.docker, { [LABEL_NAMESPACE]: namespace, [LABEL_NODE]: name });
    const role = found[0]?.Labels[LABEL_NODE_ROLE];
    if (found[0] && role !== "follower") {
      throw new ConflictError(
        `Node "${name}" is a ${role} of network "${found[0].Labels[LABEL_NETWORK]}": delete the network instead.`,
      );
    }
    await removeContainers(this.docker, found);
    await removeVolumes(this.docker, { [LABEL_NAMESPACE]: namespace, [LABEL_NODE]: name });
  }

  async deleteNetwork(namespace: string, name: string, options: DeleteOptions): Promise<void> {
    throwIfAborted(options.signal, `deleting network "${name}"`);
    const followers = (
      await seinetContainers(this.docker, { [LABEL_NETWORK]: name, [LABEL_NETWORK_NAMESPACE]: namespace })
    ).filter((c) => c.Labels[LABEL_NODE_ROLE] === "follower");
    if (followers.length > 0 && !options.cascade) {
      throw new ConflictError(
        `Network "${name}" still has followers: ${followers.map((f) => `${f.Labels[LABEL_NAMESPACE]}/${f.Labels[LABEL_NODE]}`).join(", ")}.`,
        { metaMessages: ["Delete them first, or pass { cascade: true } to delete them with the network."] },
      );
    }
    await destroyNetwork(this.docker, namespace, name, true);
    await rm(checkpointsDir(await this.stateRoot(), namespace, name), { recursive: true, force: true });
  }

  async listNetworks(options: ListOptions): Promise<Network[]> {
    const filter: Record<string, string> = { [LABEL_ROLE]: ROLE_NETWORK, [LABEL_MANAGED_BY]: MANAGED_BY };
    if (!options.allNamespaces) filter[LABEL_NAMESPACE] = this.#ns(options.namespace);
    const networks = await this.docker.listNetworks({ filters: labelFilter(filter) });
    const out: Network[] = [];
    for (const n of networks) {
      const facts = networkFacts(n);
      const view = await this.viewNetwork(facts.namespace, facts.name).catch(() => undefined);
      if (view) out.push(new NetworkHandle(this.#ops, view));
    }
    return out.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  }

  async listNodes(options: ListOptions): Promise<Node[]> {
    const ns = options.allNamespaces ? undefined : this.#ns(options.namespace);
    const filter: Record<string, string> = {};
    if (options.network) {
      filter[LABEL_NETWORK] = options.network;
      if (ns) filter[LABEL_NETWORK_NAMESPACE] = ns;
    } else if (ns) filter[LABEL_NAMESPACE] = ns;
    const containers = (await seinetContainers(this.docker, filter)).filter(
      (c) => c.Labels[LABEL_NODE_ROLE] !== undefined,
    );
    const views = await this.#viewAll(containers);
    views.sort(compareNodes);
    return views.map((v) => new NodeHandle(this.#ops, v));
  }

  /**
   * Starts a task against a node container and returns at once; it runs in
   * this process (`seid tx` by `docker exec` in the node's container, swaps by
   * recreating the container), its record in the task store so `getTask`
   * reads it from any process. Bad input is a typed error before anything
   * reaches the chain or the engine.
   */
  async runTask(spec: TaskSpec, options: OpOptions): Promise<Task> {
    return (await this.#tasks()).run(spec, options);
  }

  async getTask(name: string, options: GetOptions): Promise<Task> {
    return (await this.#tasks()).get(name, options);
  }

  async createWorkflow(_spec: WorkflowSpec, _options: OpOptions): Promise<Workflow> {
    throw new UsageError("Workflows are not supported in docker mode yet.", { field: "kind" });
  }

  async getWorkflow(name: string, options: GetOptions): Promise<Workflow> {
    throw new NotFoundError("workflow", name, { namespace: this.#ns(options.namespace) });
  }

  /** Cancels the tasks this process still runs and waits for them; dockerode keeps no connection open. */
  async close(): Promise<void> {
    const runner = await this.#runner?.catch(() => undefined);
    await runner?.close();
  }
}
