import type { Client } from "../client/client.js";
import type { Network, Node } from "../client/handles.js";
import { UsageError } from "../errors/usage.js";
import { sleep } from "../internal/sleep.js";
import { endpoint } from "../readiness/endpoint.js";
import { getJson } from "../readiness/http.js";
import { latestHeight } from "../readiness/latestHeight.js";
import { waitHeightAdvances } from "../readiness/waitHeightAdvances.js";
import { waitRestServing } from "../readiness/waitRestServing.js";

/** Where and when an upgrade happens, as {@link planUpgrade} found it. */
export interface UpgradePlan {
  network: Network;
  /** The network's validators, in ordinal order; the first proposes. */
  validators: Node[];
  /** Every node of the network, validators included. */
  nodes: Node[];
  /** The upgrade height. */
  height: number;
  /** The chain's height when the plan was made. */
  currentHeight: number;
  /** Measured, at least 1. */
  blocksPerSecond: number;
  /** The gov minimum deposit, as a coin list (`10000000usei`). */
  deposit: string;
}

async function restJson<T>(rest: string, path: string, signal?: AbortSignal): Promise<T> {
  return (await getJson(endpoint(rest, path), { signal })) as T;
}

/** Blocks per second with headroom for a rate that drops while votes are in flight. */
function blockPerSecondMargin(rate: number): number {
  return rate * 1.2;
}

/**
 * Reads what an upgrade rehearsal starts from: a Ready network, its
 * validators and nodes, a chain that makes blocks and serves REST, the gov
 * minimum deposit, and the upgrade height: `height` when given, else now plus
 * what the vote needs at the measured block rate, with room to spare. A
 * network not Ready, or a height not above the current one, is a UsageError.
 */
export async function planUpgrade(
  client: Pick<Client, "getNetwork" | "getNode" | "listNodes">,
  options: {
    network: string;
    namespace?: string | undefined;
    height?: number | undefined;
    signal?: AbortSignal | undefined;
  },
): Promise<UpgradePlan> {
  const { signal, namespace } = options;
  const net = await client.getNetwork(options.network, { namespace, signal });
  await net.refresh({ signal });
  if (net.phase !== "Ready") {
    throw new UsageError(
      `Network "${net.name}" is ${net.phase ?? "unknown"}; an upgrade starts from Ready.`,
      {
        field: "network",
      },
    );
  }
  const validators = await Promise.all(
    net.validators.map((v) => client.getNode(v, { namespace: net.namespace, signal })),
  );
  const nodes = await client.listNodes({ network: net.name, namespace: net.namespace, signal });
  const first = validators[0]!;
  const rpc = first.tendermintRpc!;
  const rest = first.rest!;
  // The chain must be making blocks and serving REST before anything is proposed.
  await waitRestServing(rest, { signal: signal ?? AbortSignal.timeout(120_000) });
  await waitHeightAdvances(rpc, 1, { signal: signal ?? AbortSignal.timeout(120_000) });

  const votingMs =
    Number.parseFloat(
      (
        await restJson<{ voting_params: { voting_period: string } }>(
          rest,
          "/cosmos/gov/v1beta1/params/voting",
          signal,
        )
      ).voting_params.voting_period,
    ) * 1000;
  const h0 = await latestHeight(rpc, { signal });
  await sleep(1_000, signal, "measuring the block rate");
  const h1 = await latestHeight(rpc, { signal });
  const blocksPerSecond = Math.max(1, h1 - h0);
  const height =
    options.height ?? h1 + Math.ceil(((votingMs + 3_000) / 1000) * blockPerSecondMargin(blocksPerSecond));
  if (height <= h1) {
    throw new UsageError(`Upgrade height ${height} is not above the current height ${h1}.`, {
      field: "height",
    });
  }
  const deposit = (
    await restJson<{ deposit_params: { min_deposit: { denom: string; amount: string }[] } }>(
      rest,
      "/cosmos/gov/v1beta1/params/deposit",
      signal,
    )
  ).deposit_params.min_deposit
    .map((c) => `${c.amount}${c.denom}`)
    .join(",");
  return { network: net, validators, nodes, height, currentHeight: h1, blocksPerSecond, deposit };
}
