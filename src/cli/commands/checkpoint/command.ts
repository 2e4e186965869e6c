import type { Network } from "../../../client/handles.js";
import { UsageError } from "../../../errors/usage.js";
import { open } from "../../../index.js";
import type { Command } from "../../command.js";
import { MODE_OPTION, NAMESPACE_OPTION, modeFlag, namespaceFlag } from "../../flags.js";
import { table } from "../../output.js";

const USAGE =
  "seinet checkpoint save NETWORK [NAME] | ls NETWORK | restore NETWORK NAME | rm NETWORK NAME | export NETWORK NAME FILE [--mode local|docker] [--namespace NS] [--json]";

/** Said when a checkpoint's validators could not be stopped at a safe point. */
const NO_SAFE_POINT =
  "warning: no safe point came; the validators were stopped where they were, and a restore may halt";
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** The verb's handle method, or a UsageError in a mode without it (k8s). */
function verb<K extends keyof Network>(net: Network, key: K): NonNullable<Network[K]> {
  const fn = net[key];
  if (typeof fn !== "function") {
    throw new UsageError(
      `\`checkpoint\` is not supported by this mode's networks; use --mode local or docker.`,
    );
  }
  return (fn as (...args: unknown[]) => unknown).bind(net) as NonNullable<Network[K]>;
}

/** `seinet checkpoint`: take, list, restore, remove and export a network's checkpoints. */
export const checkpointCommand: Command = {
  name: "checkpoint",
  summary: "Save, list, restore, remove or export (to one portable file) a network's checkpoints",
  usage: `${USAGE}

  save     Stops every node, copies its home, starts it again (NAME default cp-<time>).
  restore  Puts every node back as it was at NAME; later state is gone.
  export   Writes NAME (validators and sentry) to FILE, gzip'd, mode 0600 (it holds the
           chain's keys): \`seinet up --from FILE\` starts a network from it (local mode).`,
  options: { ...NAMESPACE_OPTION, ...MODE_OPTION },
  async run({ values, positionals, output, signal }) {
    const [action, network, name, file, ...extra] = positionals;
    const arity = { save: [2, 3], ls: [2, 2], restore: [3, 3], rm: [3, 3], export: [4, 4] } as const;
    const want = action && action in arity ? arity[action as keyof typeof arity] : undefined;
    const count = positionals.length;
    if (!want || extra.length > 0 || count < want[0] || count > want[1] || !network) {
      throw new UsageError(`Usage: ${USAGE}`);
    }
    const client = await open(modeFlag(values), { namespace: namespaceFlag(values), signal });
    try {
      const net = await client.getNetwork(network, { signal });
      if (action === "save") {
        const cp = await verb(net, "checkpoint")({ ...(name ? { name } : {}), signal });
        output.result(
          { command: "checkpoint save", checkpoint: cp },
          () =>
            `checkpoint ${cp.name} of ${network}: height ${cp.height}, ${mib(cp.bytes)}, nodes stopped ${cp.copyMs} ms${
              cp.safePoint === false ? `\n${NO_SAFE_POINT}` : ""
            }`,
        );
      } else if (action === "ls") {
        const all = await verb(net, "checkpoints")({ signal });
        output.result({ command: "checkpoint ls", network, checkpoints: all }, () =>
          table(
            ["NAME", "HEIGHT", "NODES", "TAKEN", "SIZE"],
            all.map((c) => [c.name, String(c.height), String(c.nodes.length), c.createdAt, mib(c.bytes)]),
          ),
        );
      } else if (action === "restore") {
        await verb(net, "restore")(name as string, { signal });
        output.result(
          { command: "checkpoint restore", network, checkpoint: name },
          () => `${network} restored to ${name}`,
        );
      } else if (action === "rm") {
        await verb(net, "deleteCheckpoint")(name as string, { signal });
        output.result(
          { command: "checkpoint rm", network, removed: name },
          () => `removed checkpoint ${name} of ${network}`,
        );
      } else {
        const out = await verb(net, "exportCheckpoint")(name as string, file as string, { signal });
        output.result(
          { command: "checkpoint export", ...out },
          () =>
            `checkpoint ${name} of ${network} (height ${out.checkpoint.height}) written to ${out.file}, ${mib(out.bytes)}\nstart a network from it: seinet up --from ${out.file}`,
        );
      }
    } finally {
      await client.close();
    }
  },
};
