import { open } from "../../../registry/open.js";
import type { Command } from "../../command.js";
import { MODE_OPTION, NAMESPACE_OPTION } from "../../flags.js";
import { UPGRADE_USAGE, planUpgrade } from "./plan.js";
import { renderUpgrade, upgradeDocument } from "./report.js";
import { runUpgrade } from "./run.js";

/** `seinet upgrade`: a gov software upgrade of a network (local: a seid; docker: an image), end to end. */
export const upgradeCommand: Command = {
  name: "upgrade",
  summary: "Upgrade a network's seid through gov: propose, vote, halt, swap, resume",
  usage: UPGRADE_USAGE,
  options: {
    ...NAMESPACE_OPTION,
    ...MODE_OPTION,
    to: { type: "string" },
    name: { type: "string" },
    height: { type: "string" },
    timeout: { type: "string" },
  },
  async run({ values, positionals, output, signal }) {
    const plan = planUpgrade({ values, positionals });
    const started = performance.now();
    const progress = (phase: string, line: string) =>
      output.progress(
        `[${((performance.now() - started) / 1000).toFixed(1).padStart(5)}s] ${phase}: ${line}`,
      );
    const client = await open(plan.mode, { namespace: plan.namespace, signal });
    try {
      const result = await runUpgrade(client, plan, { signal, progress });
      output.result(upgradeDocument(result), () => renderUpgrade(result));
    } finally {
      await client.close();
    }
  },
};
