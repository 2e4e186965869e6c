import type { Client } from "../../../client/client.js";
import type { Network } from "../../../client/handles.js";
import { NotFoundError } from "../../../errors/notFound.js";
import { UsageError } from "../../../errors/usage.js";
import { open } from "../../../registry/open.js";
import { requireDnsLabel } from "../../../specs/rules.js";
import type { Command } from "../../command.js";
import { MODE_OPTION, NAMESPACE_OPTION, boolFlag, modeFlag, namespaceFlag } from "../../flags.js";

const DOWN_USAGE = "seinet down NAME... | --all [--mode local|docker] [--namespace NS] [--json]";

/** What `down` did to one network (or stray follower). */
export interface DownOutcome {
  name: string;
  namespace: string | null;
  kind: "network" | "node";
  result: "deleted" | "not-found";
  /** Nodes stopped with it (validators, sentry, followers). */
  nodes: number;
}

/** What `down` deletes: named networks, or every network (in one namespace, or all). */
export interface DownQuery {
  names: string[];
  all: boolean;
  namespace: string | undefined;
  signal: AbortSignal;
}

async function deleteNetwork(client: Client, net: Network, signal: AbortSignal): Promise<DownOutcome> {
  const nodes = await client.listNodes({ network: net.name, namespace: net.namespace, signal });
  await net.delete({ cascade: true, signal });
  return {
    name: net.name,
    namespace: net.namespace,
    kind: "network",
    result: "deleted",
    nodes: nodes.length,
  };
}

/**
 * Deletes networks with their followers. A name that does not exist is
 * success ("not-found"): `down` is safe to run twice. With `all`, followers
 * left without a network are deleted too.
 */
export async function runDown(client: Client, query: DownQuery): Promise<DownOutcome[]> {
  const { signal, namespace } = query;
  if (!query.all) {
    const settled = await Promise.allSettled(
      query.names.map(async (name): Promise<DownOutcome> => {
        try {
          return await deleteNetwork(client, await client.getNetwork(name, { namespace, signal }), signal);
        } catch (err) {
          if (!(err instanceof NotFoundError)) throw err;
          return { name, namespace: err.namespace ?? null, kind: "network", result: "not-found", nodes: 0 };
        }
      }),
    );
    return unwrap(settled);
  }
  const scope = { namespace, allNamespaces: namespace === undefined, signal };
  const networks = await client.listNetworks(scope);
  const outcomes = unwrap(await Promise.allSettled(networks.map((n) => deleteNetwork(client, n, signal))));
  // Followers whose network is gone (a crash mid-delete) still hold ports: sweep them.
  const strays = (await client.listNodes(scope)).filter(
    (n) => (n.object() as { role?: unknown } | undefined)?.role === "follower",
  );
  const swept = await Promise.allSettled(
    strays.map(async (node): Promise<DownOutcome> => {
      await node.delete({ signal });
      return { name: node.name, namespace: node.namespace, kind: "node", result: "deleted", nodes: 1 };
    }),
  );
  return [...outcomes, ...unwrap(swept)];
}

/** The outcomes, or the first error once every deletion has settled. */
function unwrap(settled: PromiseSettledResult<DownOutcome>[]): DownOutcome[] {
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<DownOutcome>).value);
}

function describe(o: DownOutcome): string {
  if (o.result === "not-found") return `${o.name}: not found, nothing to do`;
  if (o.kind === "node") return `${o.name}: stray follower deleted`;
  return `${o.name}: deleted (${o.nodes} node${o.nodes === 1 ? "" : "s"} stopped)`;
}

/** `seinet down NAME... | --all`: deletes networks with their followers. */
export const downCommand: Command = {
  name: "down",
  summary: "Delete networks with their followers (--all: every network); unknown names are success",
  usage: DOWN_USAGE,
  options: { ...NAMESPACE_OPTION, ...MODE_OPTION, all: { type: "boolean" } },
  async run({ values, positionals, output, signal }) {
    const all = boolFlag(values, "all");
    if (all && positionals.length > 0) {
      throw new UsageError(`Pass network names or --all, not both. Usage: ${DOWN_USAGE}`, { field: "--all" });
    }
    if (!all && positionals.length === 0) {
      throw new UsageError(`Name the networks to delete, or pass --all. Usage: ${DOWN_USAGE}`, {
        field: "NAME",
      });
    }
    for (const name of positionals) requireDnsLabel(name, "NAME");
    const namespace = namespaceFlag(values);
    const client = await open(modeFlag(values), { namespace });
    try {
      const outcomes = await runDown(client, { names: [...new Set(positionals)], all, namespace, signal });
      output.result({ command: "down", results: outcomes }, () =>
        outcomes.length ? outcomes.map(describe).join("\n") : "No networks to delete.",
      );
    } finally {
      await client.close();
    }
  },
};
