import { UsageError } from "../../../errors/usage.js";
import { open } from "../../../registry/open.js";
import type { Command } from "../../command.js";
import { MODE_OPTION, NAMESPACE_OPTION, boolFlag, modeFlag, namespaceFlag } from "../../flags.js";

const SEID_USAGE = "seinet seid NODE [--mode local|docker] [--namespace NS] -- SEID_ARGS...";

/**
 * `seinet seid NODE -- ARGS`: the network's own seid run against one node, so
 * `seid tx …` / `seid q …` scripts work unchanged. Its output and exit code
 * pass through; the node's home supplies the chain id, the node's RPC, and a
 * test keyring with the validator's key (named after the node) and the
 * network's test account (`test-account`).
 */
export const seidCommand: Command = {
  name: "seid",
  summary: "Run seid against a node (its RPC, chain id and keyring); output and exit code pass through",
  usage: SEID_USAGE,
  options: { ...NAMESPACE_OPTION, ...MODE_OPTION },
  async run({ values, positionals, signal }) {
    const [name, ...args] = positionals;
    if (name === undefined) throw new UsageError(`Name the node. Usage: ${SEID_USAGE}`, { field: "NODE" });
    if (boolFlag(values, "json")) {
      throw new UsageError("`seinet seid` passes seid's own output through; use seid's `--output json`.", {
        field: "--json",
      });
    }
    const namespace = namespaceFlag(values);
    const client = await open(modeFlag(values), { namespace });
    try {
      const node = await client.getNode(name, { namespace });
      if (!node.seid) {
        throw new UsageError(`The ${client.mode} mode cannot run seid against a node.`, { field: "NODE" });
      }
      const result = await node.seid(args, { stdio: "inherit", signal });
      return result.exitCode;
    } finally {
      await client.close();
    }
  },
};
