import type { Client } from "../../../client/client.js";
import type { Network } from "../../../client/handles.js";
import { NotFoundError } from "../../../errors/notFound.js";
import { UsageError } from "../../../errors/usage.js";
import { type StakingValidator, stakingValidators } from "../../../readiness/stakingValidators.js";
import { type NetworkInfo, networkInfo } from "../../networkInfo.js";
import { type NodeInfo, nodeInfo } from "../../nodeInfo.js";

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
  const validators = await validatorsByMoniker(net);
  return {
    kind: "network",
    network: networkInfo(net, nodes),
    nodes: nodes.map((node) => {
      const info = nodeInfo(node);
      const v = node.role === "validator" ? validators.get(node.name) : undefined;
      if (v)
        info.validator = {
          keyName: node.name,
          accountAddress: v.accountAddress,
          operatorAddress: v.operatorAddress,
        };
      return info;
    }),
    testAccount: net.testAccount,
  };
}

/** How long `status` waits for the chain's validator list before printing without it. */
const VALIDATORS_TIMEOUT_MS = 3_000;

/**
 * The chain's validators by moniker (seinet names each after its node), read
 * once through the network's REST; empty when the network does not serve it.
 */
async function validatorsByMoniker(net: Network): Promise<Map<string, StakingValidator>> {
  if (!net.rest) return new Map();
  try {
    const list = await stakingValidators(net.rest, { signal: AbortSignal.timeout(VALIDATORS_TIMEOUT_MS) });
    return new Map(list.map((v) => [v.moniker, v]));
  } catch {
    return new Map();
  }
}
