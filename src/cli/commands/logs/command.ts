import { UsageError } from "../../../errors/usage.js";
import { open } from "../../../registry/open.js";
import type { Command } from "../../command.js";
import {
  MODE_OPTION,
  NAMESPACE_OPTION,
  boolFlag,
  intFlag,
  modeFlag,
  namespaceFlag,
  positionalsAtMost,
} from "../../flags.js";

const LOGS_USAGE = "seinet logs NODE [-f|--follow] [--tail N (100)] [--mode local|docker] [--namespace NS]";

/** Writes one line to stdout, resolving once it is flushed (so a slow reader slows the reading). */
function writeLine(stdout: NodeJS.WriteStream, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stdout.write(`${line}\n`, (err) => (err ? reject(err) : resolve()));
  });
}

/**
 * `seinet logs NODE`: the last lines of a node's seid log; `-f` keeps printing
 * new lines until interrupted, which then ends with exit 0.
 */
export const logsCommand: Command = {
  name: "logs",
  summary: "Print a node's seid log (the last --tail lines; -f follows until Ctrl-C)",
  usage: LOGS_USAGE,
  options: {
    ...NAMESPACE_OPTION,
    ...MODE_OPTION,
    follow: { type: "boolean", short: "f" },
    tail: { type: "string" },
  },
  async run({ values, positionals, signal }) {
    positionalsAtMost(positionals, 1, LOGS_USAGE);
    const name = positionals[0];
    if (name === undefined) throw new UsageError(`Name the node. Usage: ${LOGS_USAGE}`, { field: "NODE" });
    if (boolFlag(values, "json")) {
      throw new UsageError("`seinet logs` prints seid's own lines; it has no --json.", { field: "--json" });
    }
    // 0 is refused: the log reader treats a tail of 0 as "everything".
    const tail = intFlag(values, "tail", 100, 1, 1_000_000);
    const follow = boolFlag(values, "follow");
    const namespace = namespaceFlag(values);
    const client = await open(modeFlag(values), { namespace });
    const ignore = () => {}; // EPIPE is handled where the write fails
    process.stdout.on("error", ignore);
    try {
      const node = await client.getNode(name, { namespace });
      for await (const line of node.logs({ tail, follow, signal })) {
        try {
          await writeLine(process.stdout, line);
        } catch {
          return; // the reader went away (`seinet logs x | head`)
        }
      }
    } finally {
      process.stdout.off("error", ignore);
      await client.close();
    }
  },
};
