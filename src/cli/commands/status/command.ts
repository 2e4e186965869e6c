import { open } from "../../../registry/open.js";
import type { Command, CommandContext } from "../../command.js";
import {
  MODE_OPTION,
  NAMESPACE_OPTION,
  boolFlag,
  modeFlag,
  namespaceFlag,
  positionalsAtMost,
} from "../../flags.js";
import { renderList, renderNetwork, statusDocument } from "./report.js";
import { readStatus } from "./run.js";

const STATUS_USAGE =
  "seinet status [NAME] [--mode local|docker] [--namespace NS | --all-namespaces] [--show-key] [--json]";
const LS_USAGE = "seinet ls [--mode local|docker] [--namespace NS | --all-namespaces] [--json]";

async function show(command: string, name: string | undefined, context: CommandContext): Promise<void> {
  const { values, output } = context;
  const namespace = namespaceFlag(values);
  const allNamespaces = boolFlag(values, "all-namespaces");
  const showKey = boolFlag(values, "show-key");
  const client = await open(modeFlag(values), { namespace });
  try {
    const status = await readStatus(client, { name, namespace, allNamespaces });
    output.result(statusDocument(command, status, showKey), () =>
      status.kind === "list" ? renderList(status) : renderNetwork(status, showKey),
    );
  } finally {
    await client.close();
  }
}

/** `seinet status [NAME]`: the networks, or one network's nodes, endpoints and test account. */
export const statusCommand: Command = {
  name: "status",
  summary: "List the networks, or show one network's nodes, endpoints and test account",
  usage: STATUS_USAGE,
  options: {
    ...NAMESPACE_OPTION,
    ...MODE_OPTION,
    "all-namespaces": { type: "boolean" },
    "show-key": { type: "boolean" },
  },
  async run(context) {
    positionalsAtMost(context.positionals, 1, STATUS_USAGE);
    await show("status", context.positionals[0], context);
  },
};

/** `seinet ls`: `status` without a name. */
export const lsCommand: Command = {
  name: "ls",
  summary: "List the networks (status without NAME)",
  usage: LS_USAGE,
  options: { ...NAMESPACE_OPTION, ...MODE_OPTION, "all-namespaces": { type: "boolean" } },
  async run(context) {
    positionalsAtMost(context.positionals, 0, LS_USAGE);
    await show("ls", undefined, context);
  },
};
