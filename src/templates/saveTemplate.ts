import { join } from "node:path";
import type { NodeRole } from "../chain/config.js";
import type { TestAccount } from "../chain/testAccount.js";
import type { Network } from "../client/handles.js";
import { logger } from "../internal/debug.js";
import { alignFullNodes } from "./alignFullNodes.js";
import { storeTemplate } from "./templateCache.js";
import type { TemplateFacts } from "./templateKey.js";

const log = logger("template");

/** What {@link saveTemplate} keeps, and where. */
export interface SaveTemplateInput {
  root: string;
  key: string;
  facts: TemplateFacts;
  testAccount: TestAccount;
  /** The network's checkpoint directory: the checkpoint is taken there, then moved into the cache. */
  checkpointsDir: string;
  roles: Readonly<Record<string, NodeRole>>;
  signal: AbortSignal | undefined;
  progress(step: string): void;
}

/**
 * Keeps a network just made as the template of networks like it: once it has
 * made a block, a checkpoint of it is moved into the template cache. Failing
 * to keep it costs the next network its head start, never this one: logged,
 * not thrown (a cancellation still is).
 */
export async function saveTemplate(network: Network, input: SaveTemplateInput): Promise<void> {
  const { signal } = input;
  input.progress(`network ${network.name}: keeping it as a warm template (${input.key})`);
  try {
    await network.waitReady(signal ? { signal } : {});
    const checkpoint = await (network.checkpoint as NonNullable<Network["checkpoint"]>)({
      name: `template-${input.key}`,
      ...(signal ? { signal } : {}),
    });
    if (checkpoint.safePoint === false) {
      // Every clone would start from where these validators happened to stop: only a safe point is kept.
      input.progress(
        `network ${network.name}: not kept as a template (its validators found no safe point to stop at)`,
      );
      await network.deleteCheckpoint?.(checkpoint.name, signal ? { signal } : {});
      return;
    }
    const nodes = checkpoint.nodes.map((name) => ({ name, role: input.roles[name] ?? "validator" }));
    const dir = join(input.checkpointsDir, checkpoint.name);
    await alignFullNodes(dir, nodes, signal);
    await storeTemplate(input.root, dir, {
      key: input.key,
      facts: input.facts,
      source: network.name,
      nodes,
      testAccount: input.testAccount,
      createdAt: checkpoint.createdAt,
      height: checkpoint.height,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    log("network %s could not be kept as template %s: %s", network.name, input.key, String(err));
  }
}
