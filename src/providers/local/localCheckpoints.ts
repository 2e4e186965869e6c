import { mkdir, readFile, readdir, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { WASM_MODULE_CACHE, isModuleCache } from "../../chain/moduleCache.js";
import type { Checkpoint } from "../../client/checkpoint.js";
import { ConflictError } from "../../errors/conflict.js";
import { InfraError } from "../../errors/infra.js";
import { atomicWrite } from "../../internal/atomicWrite.js";
import { copyTree, diskUsage, isContentAddressed, isImmutableFile } from "../../internal/copyTree.js";
import { withExclusiveDirLock } from "../../internal/dirLock.js";
import { activeRuns } from "../../tasks/activeRuns.js";
import type { CheckpointMember, CheckpointOps } from "../node/checkpointOps.js";
import { endpointsOf } from "./endpoints.js";
import type { NodeRecord, ProcRecord } from "./records.js";
import { freezeSeid, isAlive, killSeidNow, stopSeid, thawSeid } from "./seidProcess.js";
import type { StateStore } from "./store.js";
import type { NetworkView } from "./views.js";
import { waitListening } from "./waitListening.js";

const RECORD = "checkpoint.json";

/** How long followers wait for their restarted peers to listen before they start anyway. */
const LISTEN_TIMEOUT_MS = 30_000;

/** What the local checkpoints need from the provider. */
export interface LocalCheckpointDeps {
  store: StateStore;
  /** How long seid gets to exit on SIGTERM: its data must stay sound. */
  stopGraceMs: number;
  /** Starts seid on a node's home and records its process. */
  startNode(record: NodeRecord): Promise<void>;
}

/** Validators (ordinal order), sentry, then followers, read now. */
async function memberRecords(store: StateStore, view: NetworkView): Promise<NodeRecord[]> {
  const { name, namespace, validators, sentry } = view.record;
  const all = await store.listNodes();
  const own = (n: string) => all.find((r) => r.namespace === namespace && r.name === n);
  const followers = all
    .filter((r) => r.role === "follower" && r.network === name && r.networkNamespace === namespace)
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  const members = [...validators, ...(sentry ? [sentry] : [])].map(own);
  return [...members.filter((r): r is NodeRecord => r !== undefined), ...followers];
}

/** The recorded seid processes of `members` that still run. */
async function runningProcs(store: StateStore, members: readonly CheckpointMember[]): Promise<ProcRecord[]> {
  const procs = await Promise.all(members.map((m) => store.readProc(m.namespace, m.name)));
  const alive = await Promise.all(procs.map(async (p) => (p && (await isAlive(p)) ? p : undefined)));
  return alive.filter((p): p is ProcRecord => p !== undefined);
}

function member(record: NodeRecord): CheckpointMember {
  return {
    name: record.name,
    namespace: record.namespace,
    role: record.role,
    seid: record.seid.version ?? record.seid.path,
    tendermintRpc: endpointsOf(record).tendermintRpc,
  };
}

/**
 * Moves the compiled-module cache of the home being replaced into the one
 * restored (checkpoints leave it out): modules are keyed by their code's
 * hash, so the restored node runs the chain's contracts without compiling
 * them again. A home without one is left as it is.
 */
async function keepModuleCache(home: string, incoming: string): Promise<void> {
  const into = join(incoming, WASM_MODULE_CACHE);
  await rm(into, { recursive: true, force: true });
  await mkdir(dirname(into), { recursive: true });
  await rename(join(home, WASM_MODULE_CACHE), into).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== "ENOENT") throw err;
  });
}

/**
 * The local mode's checkpoints: each node's home copied under the state root
 * (`<ns>/checkpoints/<network>/<name>/<node>`), pebble tables hard-linked
 * (they never change once written), wasm code copied once per checkpoint,
 * the compiled-module cache left out, every other file copied sparse.
 */
export function localCheckpoints(deps: LocalCheckpointDeps): CheckpointOps<NetworkView> {
  const { store } = deps;
  const dirOf = (view: NetworkView) => store.checkpointsDir(view.record.namespace, view.record.name);
  const read = async (view: NetworkView, name: string): Promise<Checkpoint | undefined> => {
    const path = join(dirOf(view), name, RECORD);
    try {
      return JSON.parse(await readFile(path, "utf8")) as Checkpoint;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw new InfraError(`Cannot read checkpoint record ${path}.`, { cause: err });
    }
  };
  const recordOf = async (m: CheckpointMember) => {
    const record = await store.readNode(m.namespace, m.name);
    if (!record || record.state === "terminating") {
      throw new ConflictError(`Node "${m.name}" was deleted while its network was stopped for a checkpoint.`);
    }
    return record;
  };
  return {
    exclusive: (view, fn) =>
      withExclusiveDirLock(dirOf(view), `A checkpoint or restore of network "${view.record.name}"`, fn),
    busy: (view, nodes) => activeRuns(store.root, view.record.namespace, nodes),
    members: async (view) => (await memberRecords(store, view)).map(member),
    async stop(members) {
      await Promise.all(
        members.map(async (m) => {
          const proc = await store.readProc(m.namespace, m.name);
          if (proc && (await isAlive(proc))) await stopSeid(proc, deps.stopGraceMs);
        }),
      );
    },
    async freeze(members) {
      const procs = await runningProcs(store, members);
      const still = await Promise.allSettled(procs.map((proc) => freezeSeid(proc)));
      if (still.every((r) => r.status === "fulfilled" && r.value)) return true;
      for (const proc of procs) thawSeid(proc);
      return false;
    },
    async thaw(members) {
      for (const proc of await runningProcs(store, members)) thawSeid(proc);
    },
    async readHomeFile(m, rel) {
      const node = await recordOf(m);
      return readFile(join(node.home, rel), "utf8").catch((err: NodeJS.ErrnoException) => {
        if (err.code === "ENOENT") return undefined;
        throw new InfraError(`Cannot read ${rel} of node "${m.name}".`, { cause: err });
      });
    },
    async kill(members) {
      await Promise.all((await runningProcs(store, members)).map(killSeidNow));
    },
    async waitListening(members, signal) {
      const records = await Promise.all(members.map(recordOf));
      await waitListening(
        records.map((r) => ({ host: r.host, port: r.ports.p2p })),
        { timeoutMs: LISTEN_TIMEOUT_MS, signal },
      );
    },
    async start(members) {
      const records = await Promise.all(members.map(recordOf));
      await Promise.all(records.map((r) => deps.startNode(r)));
    },
    async save(view, record, members, signal) {
      const into = join(dirOf(view), record.name);
      await mkdir(into, { recursive: true });
      // Wasm code is the same in every home: one private copy per checkpoint, never the running nodes' own files.
      const dedupe = { match: isContentAddressed, seen: new Map<string, Promise<string>>() };
      await Promise.all(
        members.map(async (m) => {
          const node = await recordOf(m);
          await copyTree(node.home, join(into, m.name), {
            link: isImmutableFile,
            skip: isModuleCache,
            dedupe,
            signal,
          });
        }),
      );
      return diskUsage(into);
    },
    async load(view, record, members, signal) {
      const from = join(dirOf(view), record.name);
      await Promise.all(
        members.map(async (m) => {
          const node = await recordOf(m);
          const incoming = `${node.home}.restoring`;
          const outgoing = `${node.home}.replaced`;
          await rm(incoming, { recursive: true, force: true });
          await rm(outgoing, { recursive: true, force: true });
          await copyTree(join(from, m.name), incoming, { link: isImmutableFile, signal });
          await keepModuleCache(node.home, incoming);
          await rename(node.home, outgoing);
          await rename(incoming, node.home);
          await rm(outgoing, { recursive: true, force: true });
        }),
      );
    },
    write: (view, record) =>
      atomicWrite(join(dirOf(view), record.name, RECORD), `${JSON.stringify(record, null, 2)}\n`),
    read,
    async list(view) {
      const names = await readdir(dirOf(view)).catch(() => [] as string[]);
      const records = await Promise.all(names.filter((n) => !n.startsWith(".")).map((n) => read(view, n)));
      return records
        .filter((r): r is Checkpoint => r !== undefined)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    remove: (view, name) => rm(join(dirOf(view), name), { recursive: true, force: true }),
    async exportSource(view, record) {
      const net = view.record;
      const nodes = [
        ...net.validators.map((name) => ({ name, role: "validator" as const })),
        ...(net.sentry ? [{ name: net.sentry, role: "sentry" as const }] : []),
      ];
      const missing = nodes.filter((n) => !record.nodes.includes(n.name));
      if (missing.length > 0) {
        throw new ConflictError(
          `Checkpoint "${record.name}" lacks ${missing.map((n) => n.name).join(", ")} of network "${net.name}".`,
        );
      }
      const first = await store.readNode(net.namespace, nodes[0]?.name ?? "");
      return {
        dir: join(dirOf(view), record.name),
        facts: {
          chainId: net.chainId,
          seid: { version: net.seid.version, commit: net.seid.commit },
          nodes,
          testAccount: net.testAccount,
          testAccounts: net.testAccounts,
          snapshots: net.snapshots,
          config: first?.config,
        },
      };
    },
    markFailed: (view, reason) =>
      store.withLock(async () => {
        const record = await store.readNetwork(view.record.namespace, view.record.name);
        if (!record) return;
        const { failure: _, ...rest } = record;
        await store.writeNetwork(reason ? { ...rest, failure: reason } : rest);
      }),
  };
}
