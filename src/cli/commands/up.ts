import { buildSeidImage } from "../../index.js";
import { open } from "../../registry/open.js";
import { ensureSeid } from "../../seid/ensureSeid.js";
import type { Command } from "../command.js";
import { MODE_OPTION, NAMESPACE_OPTION } from "../flags.js";
import { UP_USAGE, planUp } from "../up/plan.js";
import { renderUp, upDocument } from "../up/report.js";
import { runUp } from "../up/runUp.js";

/**
 * The docker mode's image when `--image` is not given: one built from the
 * installed seid (or `--binary`), which is a cache hit after the first time.
 */
async function imageFor(
  binary: string | undefined,
  progress: (line: string) => void,
  signal: AbortSignal,
): Promise<string> {
  const seid = await ensureSeid({ binary, signal, onProgress: progress });
  const built = await buildSeidImage({ seid: seid.path, onProgress: progress, signal });
  progress(`image ${built.tag}${built.cached ? " (cached)" : ""}`);
  return built.tag;
}

/** `seinet up`: a network with follower RPC nodes, ready to test against (local processes or containers). */
export const upCommand: Command = {
  name: "up",
  summary: "Start a network (validators + follower RPC nodes) and print its endpoints",
  usage: UP_USAGE,
  options: {
    ...NAMESPACE_OPTION,
    ...MODE_OPTION,
    image: { type: "string" },
    validators: { type: "string" },
    "rpc-nodes": { type: "string" },
    name: { type: "string" },
    "chain-id": { type: "string" },
    genesis: { type: "string", multiple: true },
    config: { type: "string", multiple: true },
    account: { type: "string", multiple: true },
    timeout: { type: "string" },
    binary: { type: "string" },
    timings: { type: "boolean" },
    "keep-on-failure": { type: "boolean" },
    "show-key": { type: "boolean" },
    fresh: { type: "boolean" },
  },
  async run({ values, positionals, output, signal }) {
    const plan = planUp({ values, positionals });
    const started = performance.now();
    const progress = (line: string) =>
      output.progress(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)}s] ${line}`);
    const image =
      plan.mode === "docker" ? (plan.image ?? (await imageFor(plan.binary, progress, signal))) : undefined;
    const client = await open(plan.mode, { namespace: plan.namespace, onProgress: progress, signal });
    try {
      const result = await runUp(client, { ...plan, image }, { signal, progress });
      output.result(upDocument(result, plan), () => renderUp(result, plan));
    } finally {
      await client.close();
    }
  },
};
