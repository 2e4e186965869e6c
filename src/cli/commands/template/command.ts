import { UsageError } from "../../../errors/usage.js";
import { listTemplates, pruneTemplates, removeTemplate } from "../../../index.js";
import { parseDuration } from "../../../internal/duration.js";
import type { Command } from "../../command.js";
import { table } from "../../output.js";

const USAGE = "seinet template ls | rm KEY | prune [--older-than DURATION] [--json]";

/** `seinet template`: the warm templates `up` clones, listed and removed. */
export const templateCommand: Command = {
  name: "template",
  summary: "List, remove or prune the warm templates `up` clones networks from (local mode)",
  usage: USAGE,
  options: { "older-than": { type: "string" } },
  async run({ values, positionals, output }) {
    const [verb, key, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(" ")}.\nUsage: ${USAGE}`);
    if (verb === "ls" && key === undefined) {
      const templates = await listTemplates();
      output.result(
        {
          command: "template ls",
          templates: templates.map(({ testAccount: _, ...t }) => t),
        },
        () =>
          table(
            ["KEY", "CHAIN ID", "VALIDATORS", "SEID", "HEIGHT", "MADE", "SIZE"],
            templates.map((t) => [
              t.key,
              t.facts.chainId,
              String(t.facts.validators),
              t.facts.seid.slice(0, 12),
              String(t.height),
              t.createdAt,
              `${(t.bytes / 2 ** 20).toFixed(1)} MiB`,
            ]),
          ),
      );
      return;
    }
    if (verb === "rm" && key !== undefined) {
      await removeTemplate(key);
      output.result({ command: "template rm", removed: key }, () => `removed template ${key}`);
      return;
    }
    if (verb === "prune" && key === undefined) {
      const olderThan =
        typeof values["older-than"] === "string"
          ? parseDuration(values["older-than"], "--older-than")
          : undefined;
      const removed = await pruneTemplates(olderThan === undefined ? {} : { olderThanMs: olderThan });
      output.result({ command: "template prune", removed }, () =>
        removed.length ? `removed ${removed.join(", ")}` : "nothing to prune",
      );
      return;
    }
    throw new UsageError(`Usage: ${USAGE}`);
  },
};
