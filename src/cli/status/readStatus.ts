import type { Client } from "../../client/client.js";
import type { Network } from "../../client/handles.js";
import { NotFoundError } from "../../errors/notFound.js";
import { UsageError } from "../../errors/usage.js";
import { type NetworkInfo, networkInfo } from "../networkInfo.js";
import { type NodeInfo, nodeInfo } from "../nodeInfo.js";

/** What `status` looks at. */
export interface StatusQuery {
  /** One network's nodes; all networks when undefined. */
  name: string | undefined;
  namespace: string | undefined;
  allNamespaces: boolean;
}

/** Every network, with follower counts. */
export interface NetworkList {
  kind: "list";
  namespace: string | undefined;
  allNamespaces: boolean;
  networks: NetworkInfo[];
}

/** One network with all its nodes (validators, sentry, followers) and its test account. */
export interface NetworkStatus {
  kind: "network";
  network: NetworkInfo;
  nodes: NodeInfo[];
  testAccount: Network["testAccount"];
}

async function findNetwork(client: Client, query: StatusQuery & { name: string }): Promise<Network> {
  const hint = ["`seinet ls --all-namespaces` lists the networks."];
  if (query.allNamespaces) {
    const found = (await client.listNetworks({ allNamespaces: true })).filter((n) => n.name === query.name);
    if (found.length === 0) throw new NotFoundError("network", query.name, { metaMessages: hint });
    if (found.length > 1) {
      throw new UsageError(
        `Network "${query.name}" exists in namespaces ${found.map((n) => n.namespace).join(", ")}; pass --namespace.`,
        { field: "--namespace" },
      );
    }
    return found[0] as Network;
  }
  try {
    return await client.getNetwork(query.name, { namespace: query.namespace });
  } catch (err) {
    if (err instanceof NotFoundError) {
      throw new NotFoundError("network", query.name, { namespace: err.namespace, metaMessages: hint });
    }
    throw err;
  }
}

/** Reads the state `status` and `ls` print; a named network that does not exist is a NotFoundError. */
export async function readStatus(client: Client, query: StatusQuery): Promise<NetworkList | NetworkStatus> {
  if (query.name === undefined) {
    const networks = await client.listNetworks({
      namespace: query.namespace,
      allNamespaces: query.allNamespaces,
    });
    const nodes = networks.length ? await client.listNodes({ allNamespaces: true }) : [];
    return {
      kind: "list",
      namespace: query.namespace,
      allNamespaces: query.allNamespaces,
      networks: networks.map((n) => networkInfo(n, nodes)),
    };
  }
  const net = await findNetwork(client, { ...query, name: query.name });
  const nodes = await client.listNodes({ network: net.name, namespace: net.namespace });
  return {
    kind: "network",
    network: networkInfo(net, nodes),
    nodes: nodes.map(nodeInfo),
    testAccount: net.testAccount,
  };
}
