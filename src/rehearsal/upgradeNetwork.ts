import type { Client } from "../client/client.js";
import { haltAtUpgrade } from "./haltAtUpgrade.js";
import { planUpgrade } from "./planUpgrade.js";
import { proposeUpgrade } from "./proposeUpgrade.js";
import { resumePastUpgrade } from "./resumePastUpgrade.js";
import { swapToUpgrade } from "./swapToUpgrade.js";
import { upgradeTaskNames } from "./upgradeTaskNames.js";
import { voteUpgrade } from "./voteUpgrade.js";

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
  const { signal, to, name } = options;
  const progress = options.onProgress ?? (() => {});
  const started = performance.now();
  const plan = await planUpgrade(client, options);
  const { network: net, validators, nodes, height } = plan;
  const gov = { chainId: net.chainId, fees: options.fees ?? "20000usei", gas: options.gas ?? 200_000 };
  const taskName = upgradeTaskNames(Date.now().toString(36).slice(-6));

  progress(
    `proposing upgrade "${name}" at height ${height} (now ${plan.currentHeight}, ~${plan.blocksPerSecond} blocks/s)`,
  );
  const t0 = performance.now();
  const proposer = validators[0]!;
  const { deposit } = plan;
  const namespace = net.namespace;
  const proposalId = await proposeUpgrade(client, {
    proposer,
    namespace,
    gov,
    name,
    to,
    height,
    deposit,
    taskName,
    signal,
  });
  const t1 = performance.now();

  progress(`proposal ${proposalId}: ${validators.length} validator(s) vote yes`);
  await voteUpgrade(client, { validators, namespace, proposalId, gov, taskName, signal });
  const t2 = performance.now();

  // Validators stop at the height ("UPGRADE … NEEDED") and are swapped first;
  // full nodes cannot see that block until the new validators make it, then
  // stop on it the same way, and are swapped in turn.
  const validatorNames = new Set(net.validators);
  const fullNodes = nodes.filter((n) => !validatorNames.has(n.name));
  const halt = { height, name, taskName, signal };
  const swap = { to, taskName, signal };
  progress(`waiting for ${validators.length} validator(s) to halt at height ${height}`);
  await haltAtUpgrade(client, validators, halt);
  const t3 = performance.now();
  progress(`swapping ${validators.length} validator(s) to ${to}`);
  const applied = await swapToUpgrade(client, validators, swap);
  if (fullNodes.length > 0) {
    progress(`waiting for ${fullNodes.length} full node(s) to reach height ${height} and halt`);
    await haltAtUpgrade(client, fullNodes, halt);
    progress(`swapping ${fullNodes.length} full node(s) to ${to}`);
    for (const [node, seid] of await swapToUpgrade(client, fullNodes, swap)) applied.set(node, seid);
  }
  const t4 = performance.now();

  progress(`waiting for every node to pass height ${height + 2}`);
  const heights = await resumePastUpgrade(nodes, { height, signal });
  const t5 = performance.now();
  return {
    network: net.name,
    upgradeName: name,
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
