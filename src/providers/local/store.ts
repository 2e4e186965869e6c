import { mkdir, readFile, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { InfraError } from "../../errors/infra.js";
import { atomicWrite } from "../../internal/atomicWrite.js";
import { withDirLock } from "../../internal/dirLock.js";
import { FileTaskStore } from "../../tasks/fileTaskStore.js";
import type { TaskRecord } from "../../tasks/taskRecord.js";
import type { TaskStore } from "../../tasks/taskStore.js";
import type { NetworkRecord, NodeRecord, ProcRecord } from "./records.js";

const DEFAULT_NAMESPACE = "default";

/** Paths of one node's directory. */
export interface NodePaths {
  dir: string;
  record: string;
  proc: string;
  exit: string;
  log: string;
  home: string;
}

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    // A record half-written by a crashed writer cannot exist (writes are atomic);
    // anything else unreadable is reported, not guessed at.
    throw new InfraError(`Cannot read seinet state file ${path}.`, { cause: err });
  }
}

/**
 * The local mode's state on disk: one JSON record per network and node, each
 * node's home, log and process files beside its record. Writes are atomic;
 * changes that must not interleave across processes run under one lock.
 */
export class StateStore implements TaskStore {
  readonly #tasks: FileTaskStore;

  constructor(readonly root: string) {
    this.#tasks = new FileTaskStore(root);
  }

  /** The namespace directory name; empty means `default`. */
  static namespace(ns: string | undefined): string {
    return ns || DEFAULT_NAMESPACE;
  }

  networkFile(ns: string, name: string): string {
    return join(this.root, ns, "networks", `${name}.json`);
  }

  nodePaths(ns: string, name: string): NodePaths {
    const dir = join(this.root, ns, "nodes", name);
    return {
      dir,
      record: join(dir, "node.json"),
      proc: join(dir, "proc.json"),
      exit: join(dir, "exit"),
      log: join(dir, "seid.log"),
      home: join(dir, "home"),
    };
  }

  /** Where a network's checkpoints live: one directory each, plus the network's checkpoint lock. */
  checkpointsDir(ns: string, network: string): string {
    return join(this.root, ns, "checkpoints", network);
  }

  /** Runs `fn` holding the cross-process lock of this state root. */
  withLock<T>(fn: () => Promise<T>): Promise<T> {
    return withDirLock(this.root, fn);
  }

  readNetwork(ns: string, name: string): Promise<NetworkRecord | undefined> {
    return readJson<NetworkRecord>(this.networkFile(ns, name));
  }

  readNode(ns: string, name: string): Promise<NodeRecord | undefined> {
    return readJson<NodeRecord>(this.nodePaths(ns, name).record);
  }

  readProc(ns: string, name: string): Promise<ProcRecord | undefined> {
    return readJson<ProcRecord>(this.nodePaths(ns, name).proc);
  }

  async writeNetwork(record: NetworkRecord): Promise<void> {
    const path = this.networkFile(record.namespace, record.name);
    await mkdir(join(this.root, record.namespace, "networks"), { recursive: true });
    await atomicWrite(path, `${JSON.stringify(record, null, 2)}\n`);
  }

  async writeNode(record: NodeRecord): Promise<void> {
    const paths = this.nodePaths(record.namespace, record.name);
    await mkdir(paths.dir, { recursive: true });
    await atomicWrite(paths.record, `${JSON.stringify(record, null, 2)}\n`);
  }

  async writeProc(ns: string, name: string, proc: ProcRecord): Promise<void> {
    await atomicWrite(this.nodePaths(ns, name).proc, `${JSON.stringify(proc)}\n`);
  }

  taskFile(ns: string, name: string): string {
    return this.#tasks.taskFile(ns, name);
  }

  readTask(ns: string, name: string): Promise<TaskRecord | undefined> {
    return this.#tasks.readTask(ns, name);
  }

  writeTask(record: TaskRecord): Promise<void> {
    return this.#tasks.writeTask(record);
  }

  removeTask(ns: string, name: string): Promise<void> {
    return this.#tasks.removeTask(ns, name);
  }

  async removeNode(ns: string, name: string): Promise<void> {
    await rm(this.nodePaths(ns, name).dir, { recursive: true, force: true });
  }

  async removeNetwork(ns: string, name: string): Promise<void> {
    await rm(this.networkFile(ns, name), { force: true });
  }

  async #dirs(path: string): Promise<string[]> {
    try {
      return (await readdir(path, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
    } catch {
      return [];
    }
  }

  /** Namespaces that hold anything. */
  namespaces(): Promise<string[]> {
    return this.#dirs(this.root);
  }

  /** Every node record, in one namespace or all. */
  async listNodes(ns?: string): Promise<NodeRecord[]> {
    const out: NodeRecord[] = [];
    for (const n of ns ? [ns] : await this.namespaces()) {
      for (const name of await this.#dirs(join(this.root, n, "nodes"))) {
        const record = await this.readNode(n, name);
        if (record) out.push(record);
      }
    }
    return out;
  }

  /** Every network record, in one namespace or all. */
  async listNetworks(ns?: string): Promise<NetworkRecord[]> {
    const out: NetworkRecord[] = [];
    for (const n of ns ? [ns] : await this.namespaces()) {
      let files: string[] = [];
      try {
        files = (await readdir(join(this.root, n, "networks"))).filter((f) => f.endsWith(".json"));
      } catch {}
      for (const file of files) {
        const record = await this.readNetwork(n, file.slice(0, -5));
        if (record) out.push(record);
      }
    }
    return out;
  }
}
