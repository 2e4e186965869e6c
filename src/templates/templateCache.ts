import { mkdir, readFile, readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { NodeRole } from "../chain/config.js";
import type { TestAccount } from "../chain/testAccount.js";
import { NotFoundError } from "../errors/notFound.js";
import { UsageError } from "../errors/usage.js";
import { atomicWrite } from "../internal/atomicWrite.js";
import { copyTree, diskUsage } from "../internal/copyTree.js";
import { cacheRoot } from "../seid/cacheDir.js";
import { TEMPLATE_FORMAT, type TemplateFacts } from "./templateKey.js";

const RECORD = "template.json";

/**
 * A warm template: a stopped network's homes kept in the cache, cloned under
 * a new name (fresh ports, same keys, node ids and chain id) instead of
 * running a genesis and InitChain again.
 */
export interface NetworkTemplate {
  key: string;
  facts: TemplateFacts;
  /** The network it was made from. */
  source: string;
  /** Set when it came from a portable checkpoint (`up --from`): the file and the checkpoint's name. */
  archive?: { file: string; checkpoint: string };
  /** Its nodes as made, validators in ordinal order then the sentry; each a directory beside the record. */
  nodes: { name: string; role: NodeRole }[];
  /** The funded account every clone shares. */
  testAccount: TestAccount;
  /** ISO time it was made. */
  createdAt: string;
  /** The chain's height when it was stopped: clones start there. */
  height: number;
  /** Bytes on disk. */
  bytes: number;
}

/** Where templates live: `$SEINET_TEMPLATE_DIR`, else `<cache>/templates` (see cacheRoot); one directory per key. */
export function templatesRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.SEINET_TEMPLATE_DIR || join(cacheRoot(env), "templates");
}

/** The template with `key`, if it is complete and of this format. */
export async function readTemplate(root: string, key: string): Promise<NetworkTemplate | undefined> {
  const record = await readFile(join(root, key, RECORD), "utf8").then(
    (text) => JSON.parse(text) as NetworkTemplate,
    () => undefined,
  );
  return record && record.facts?.format === TEMPLATE_FORMAT ? record : undefined;
}

/**
 * Keeps the homes in `from` (a checkpoint's directory, one per node) as the
 * template `record.key`: moved when they share a filesystem, else copied.
 * Written as `<key>.partial-<pid>` and renamed, so a reader sees a whole
 * template or none; a template made meanwhile by another process wins.
 */
export async function storeTemplate(
  root: string,
  from: string,
  record: Omit<NetworkTemplate, "bytes">,
): Promise<NetworkTemplate> {
  const partial = join(root, `.${record.key}.partial-${process.pid}`);
  await rm(partial, { recursive: true, force: true });
  try {
    await mkdir(root, { recursive: true });
    await rename(from, partial).catch(async (err: NodeJS.ErrnoException) => {
      if (err.code !== "EXDEV") throw err;
      await copyTree(from, partial);
      await rm(from, { recursive: true, force: true });
    });
    const full: NetworkTemplate = { ...record, bytes: await diskUsage(partial) };
    await atomicWrite(join(partial, RECORD), `${JSON.stringify(full, null, 2)}\n`);
    await rename(partial, join(root, record.key)).catch(async () => {
      await rm(partial, { recursive: true, force: true });
    });
    return (await readTemplate(root, record.key)) ?? full;
  } catch (err) {
    await rm(partial, { recursive: true, force: true });
    throw err;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Every complete template, newest first. */
export async function listTemplates(options: { root?: string } = {}): Promise<NetworkTemplate[]> {
  const root = options.root ?? templatesRoot();
  const names = await readdir(root).catch(() => [] as string[]);
  const found = await Promise.all(names.filter((n) => !n.startsWith(".")).map((n) => readTemplate(root, n)));
  return found
    .filter((t): t is NetworkTemplate => t !== undefined)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Removes one template by key (or a unique key prefix); an unknown key is a NotFoundError. */
export async function removeTemplate(key: string, options: { root?: string } = {}): Promise<void> {
  const root = options.root ?? templatesRoot();
  if (!/^[0-9a-f]{4,24}$/.test(key)) {
    throw new UsageError(
      `Expected a template key (4–24 hex digits, as \`seinet template ls\` shows), got ${JSON.stringify(key)}.`,
      {
        field: "key",
      },
    );
  }
  const matches = (await listTemplates({ root })).filter((t) => t.key.startsWith(key));
  if (matches.length === 0) throw new NotFoundError("template", key);
  if (matches.length > 1)
    throw new UsageError(
      `Template key prefix "${key}" matches ${matches.length} templates; give more digits.`,
      { field: "key" },
    );
  await rm(join(root, (matches[0] as NetworkTemplate).key), { recursive: true, force: true });
}

/**
 * Removes what no clone can use: half-made templates, templates of an older
 * format, and (with `olderThanMs`) templates made longer ago than that.
 * Resolves with the keys (or directory names) removed.
 */
export async function pruneTemplates(
  options: { root?: string; olderThanMs?: number } = {},
): Promise<string[]> {
  const root = options.root ?? templatesRoot();
  const removed: string[] = [];
  const now = Date.now();
  for (const name of await readdir(root).catch(() => [] as string[])) {
    const maker = /\.partial-(\d+)$/.exec(name)?.[1];
    if (maker && processAlive(Number(maker))) continue;
    const template = name.startsWith(".") ? undefined : await readTemplate(root, name);
    const old =
      template &&
      options.olderThanMs !== undefined &&
      now - Date.parse(template.createdAt) > options.olderThanMs;
    if (!template || old) {
      await rm(join(root, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed.sort();
}
