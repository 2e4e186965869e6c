import { UsageError } from "../../../errors/usage.js";
import { dumpNetwork, open } from "../../../index.js";
import type { Command } from "../../command.js";
import {
  MODE_OPTION,
  NAMESPACE_OPTION,
  modeFlag,
  namespaceFlag,
  positionalsAtMost,
  stringFlag,
} from "../../flags.js";

const DUMP_USAGE = "seinet dump NETWORK [--out DIR|FILE.tgz] [--mode local|docker] [--namespace NS] [--json]";

/** `seinet dump`: what a failing run needs to be understood, in one directory or archive (no keys). */
export const dumpCommand: Command = {
  name: "dump",
  summary:
    "Write a network's log tails, status, net_info, configs, genesis and heights to a dir or .tgz (no keys)",
  usage: DUMP_USAGE,
  options: { ...NAMESPACE_OPTION, ...MODE_OPTION, out: { type: "string" } },
  async run({ values, positionals, output, signal }) {
    positionalsAtMost(positionals, 1, DUMP_USAGE);
    const [name] = positionals;
    if (!name) throw new UsageError(`Name the network to dump. Usage: ${DUMP_USAGE}`);
    const client = await open(modeFlag(values), { namespace: namespaceFlag(values), signal });
    try {
      const path = await dumpNetwork(client, name, { out: stringFlag(values, "out"), signal });
      output.result({ command: "dump", network: name, path }, () => `dump of ${name}: ${path}`);
    } finally {
      await client.close();
    }
  },
};
