import type { Client } from "../client/client.js";
import type { Node } from "../client/handles.js";
import { UsageError } from "../errors/usage.js";
import { abortError } from "../internal/abort.js";
import { sleep } from "../internal/sleep.js";
import { endpoint } from "../readiness/endpoint.js";
import { getJson } from "../readiness/http.js";
import { latestHeight } from "../readiness/latestHeight.js";
import { waitHeightAdvances } from "../readiness/waitHeightAdvances.js";
import { waitRestServing } from "../readiness/waitRestServing.js";

/** Options of {@link upgradeNetwork}. */
export interface UpgradeNetworkOptions {
  /** The network to upgrade. */
  network: string;
  namespace?: string;
  /** The new seid: a path or installed version (local), an image (docker, k8s). */
  to: string;
  /** The upgrade handler name the new binary registers (sei-chain's `app/tags`), e.g. `v6.6`. */
  name: string;
  /** Upgrade height; default: far enough ahead for the vote to pass at the chain's measured block rate. */
  height?: number;
  /** Fees and gas of the gov transactions. */
  fees?: string;
  gas?: number;
  /** One line per phase, for progress output. */
  onProgress?: (line: string) => void;
  signal?: AbortSignal;
}

/** What a rehearsal did, with the time each phase took. */
export interface UpgradeReport {
  network: string;
  upgradeName: string;
  height: number;
  proposalId: number;
  /** Every node of the network and the seid it now runs. */
  nodes: { name: string; applied: string | undefined; height: number }[];
  timings: {
    proposeMs: number;
    voteMs: number;
    haltMs: number;
    swapMs: number;
    resumeMs: number;
    totalMs: number;
  };
}

async function restJson<T>(rest: string, path: string, signal?: AbortSignal): Promise<T> {
  return (await getJson(endpoint(rest, path), { signal })) as T;
}

/**
 * Rehearses a chain upgrade through gov, end to end: propose the upgrade from
 * the first validator, every validator votes yes, wait for every node to halt
 * at the height, swap every node to the new seid, and wait until every node
 * makes blocks past the height. Built on the public task verbs, so it runs
 * wherever they do.
 *
 * @example
 * ```ts
 * import { open, upgradeNetwork } from "seinet";
 * const client = await open("local");
 * await upgradeNetwork(client, { network: "devnet", to: "v6.6.2", name: "v6.6" });
 * ```
 */
export async function upgradeNetwork(client: Client, options: UpgradeNetworkOptions): Promise<UpgradeReport> {
  const { signal, namespace } = options;
  const progress = options.onProgress ?? (() => {});
  const fees = options.fees ?? "20000usei";
  const gas = options.gas ?? 200_000;
  const started = performance.now();
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
  const nodes: Node[] = await client.listNodes({ network: net.name, namespace: net.namespace, signal });
  const first = validators[0]!;
  const rpc = first.tendermintRpc!;
  const rest = first.rest!;
  // The chain must be making blocks and serving REST before anything is proposed.
  await waitRestServing(rest, { signal: signal ?? AbortSignal.timeout(120_000) });
  await waitHeightAdvances(rpc, 1, { signal: signal ?? AbortSignal.timeout(120_000) });

  // Height: now + what the vote needs at the measured block rate, with room to spare.
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
  const id = Date.now().toString(36).slice(-6);
  const gov = { chainId: net.chainId, fees, gas };

  progress(
    `proposing upgrade "${options.name}" at height ${height} (now ${h1}, ~${blocksPerSecond} blocks/s)`,
  );
  const t0 = performance.now();
  const propose = await client.runTask(
    {
      name: `up-${id}-propose`,
      namespace: net.namespace,
      node: first.name,
      kind: "GovSoftwareUpgrade",
      govSoftwareUpgrade: {
        ...gov,
        title: `Upgrade to ${options.name}`,
        description: `seinet upgrade rehearsal to ${options.to}`,
        initialDeposit: deposit,
        upgradeName: options.name,
        upgradeHeight: height,
      },
    },
    { signal },
  );
  const proposed = await propose.wait({ signal });
  const proposalId = proposed.govSoftwareUpgrade?.proposalId as number;
  const t1 = performance.now();

  progress(`proposal ${proposalId}: ${validators.length} validator(s) vote yes`);
  await Promise.all(
    validators.map(async (v, i) => {
      const vote = await client.runTask(
        {
          name: `up-${id}-vote-${i}`,
          namespace: net.namespace,
          node: v.name,
          kind: "GovVote",
          govVote: { ...gov, proposalId, option: "yes" },
        },
        { signal },
      );
      await vote.wait({ signal });
    }),
  );
  const t2 = performance.now();

  // Validators stop at the height ("UPGRADE … NEEDED") and are swapped first;
  // full nodes cannot see that block until the new validators make it, then
  // stop on it the same way, and are swapped in turn.
  const validatorNames = new Set(net.validators);
  const fullNodes = nodes.filter((n) => !validatorNames.has(n.name));
  const applied = new Map<string, string | undefined>();
  let step = 0;
  // A node is at the upgrade when it stopped there ("UPGRADE … NEEDED"), or when
  // it committed the block before it and the chain stands still: with several
  // validators, those that execute the upgrade block first halt, and the rest
  // never receive its commit. Both are swapped the same way.
  const haltAll = async (group: Node[]) => {
    await Promise.all(
      group.map(async (n) => {
        const wait = await client.runTask(
          {
            name: `up-${id}-halt-${step++}`,
            namespace: n.namespace,
            node: n.name,
            kind: "AwaitNodesAtHeight",
            awaitNodesAtHeight: { targetHeight: height - 1 },
          },
          { signal },
        );
        await wait.wait({ signal });
      }),
    );
    let stillSince = Date.now();
    let last = "";
    for (;;) {
      const seen = await Promise.all(
        group.map(async (n) => {
          await n.refresh({ signal });
          if (n.phase === "Halted") return { n, halted: true, height };
          const h = n.tendermintRpc ? await latestHeight(n.tendermintRpc, { signal }).catch(() => -1) : -1;
          return { n, halted: false, height: h };
        }),
      );
      // Height H itself is no proof: a node stores block H before applying it, and
      // an old seid halts while applying it. Only H+1 is past the upgrade.
      const passed = seen.find((s) => !s.halted && s.height > height);
      if (passed) {
        throw new UsageError(
          `Node "${passed.n.name}" passed height ${height} on the old binary: is "${options.name}" the upgrade name the chain expects?`,
          { field: "name" },
        );
      }
      const key = seen.map((s) => `${s.halted}:${s.height}`).join(",");
      if (key !== last) {
        last = key;
        stillSince = Date.now();
      }
      const halted = seen.filter((s) => s.halted).length;
      const atHeight = seen.every((s) => s.halted || s.height === height - 1);
      if (halted === group.length || (halted > 0 && atHeight && Date.now() - stillSince > 3_000)) return;
      await sleep(250, signal, `waiting for nodes to stop at height ${height}`);
    }
  };
  const swapAll = async (group: Node[]) =>
    Promise.all(
      group.map(async (n) => {
        const swap = await client.runTask(
          {
            name: `up-${id}-swap-${step++}`,
            namespace: n.namespace,
            node: n.name,
            kind: "UpdateNodeImage",
            updateNodeImage: client.mode === "local" ? { binary: options.to } : { image: options.to },
          },
          { signal },
        );
        applied.set(n.name, (await swap.wait({ signal })).updateNodeImage?.appliedImage);
      }),
    );
  progress(`waiting for ${validators.length} validator(s) to halt at height ${height}`);
  await haltAll(validators);
  const t3 = performance.now();
  progress(`swapping ${validators.length} validator(s) to ${options.to}`);
  await swapAll(validators);
  if (fullNodes.length > 0) {
    progress(`waiting for ${fullNodes.length} full node(s) to reach height ${height} and halt`);
    await haltAll(fullNodes);
    progress(`swapping ${fullNodes.length} full node(s) to ${options.to}`);
    await swapAll(fullNodes);
  }
  const t4 = performance.now();

  progress(`waiting for every node to pass height ${height + 2}`);
  const heights = new Map<string, number>();
  await Promise.all(
    nodes.map(async (n) => {
      for (;;) {
        if (signal?.aborted) throw abortError(signal, `waiting for node "${n.name}" past height ${height}`);
        await n.refresh({ signal });
        if (n.phase === "Failed") await n.waitReady({ signal }); // rejects with the node's exit code and log tail
        const h = n.tendermintRpc ? await latestHeight(n.tendermintRpc, { signal }).catch(() => 0) : 0;
        if (h >= height + 2) {
          heights.set(n.name, h);
          return;
        }
        await sleep(200, signal, `waiting for node "${n.name}" past height ${height}`);
      }
    }),
  );
  const t5 = performance.now();
  return {
    network: net.name,
    upgradeName: options.name,
    height,
    proposalId,
    nodes: nodes.map((n) => ({
      name: n.name,
      applied: applied.get(n.name),
      height: heights.get(n.name) ?? 0,
    })),
    timings: {
      proposeMs: Math.round(t1 - t0),
      voteMs: Math.round(t2 - t1),
      haltMs: Math.round(t3 - t2),
      swapMs: Math.round(t4 - t3),
      resumeMs: Math.round(t5 - t4),
      totalMs: Math.round(t5 - started),
    },
  };
}

/** Blocks per second with headroom for a rate that drops while votes are in flight. */
function blockPerSecondMargin(rate: number): number {
  return rate * 1.2;
}
