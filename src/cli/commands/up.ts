import { open } from "../../registry/open.js";
import type { Command } from "../command.js";
import { NAMESPACE_OPTION } from "../flags.js";
import { UP_USAGE, planUp } from "../up/plan.js";
import { renderUp, upDocument } from "../up/report.js";
import { runUp } from "../up/runUp.js";

/** `seinet up`: a local network with follower RPC nodes, ready to test against. */
export const upCommand: Command = {
  name: "up",
  summary: "Start a local network (validators + follower RPC nodes) and print its endpoints",
  usage: UP_USAGE,
  options: {
    ...NAMESPACE_OPTION,
    validators: { type: "string" },
    "rpc-nodes": { type: "string" },
    name: { type: "string" },
    timeout: { type: "string" },
    binary: { type: "string" },
    timings: { type: "boolean" },
    "keep-on-failure": { type: "boolean" },
    "show-key": { type: "boolean" },
  },
  async run({ values, positionals, output, signal }) {
    const plan = planUp({ values, positionals });
    const started = performance.now();
    const progress = (line: string) =>
      output.progress(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)}s] ${line}`);
    const client = await open("local", { namespace: plan.namespace, onProgress: progress, signal });
    try {
      const result = await runUp(client, plan, { signal, progress });
      output.result(upDocument(result, plan), () => renderUp(result, plan));
    } finally {
      await client.close();
    }
  },
};
