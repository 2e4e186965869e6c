import type { Client } from "../client/client.js";
import type { Node } from "../client/handles.js";
import { latestHeight } from "../readiness/latestHeight.js";
import type { GovTxSpec } from "../specs/types.js";
import { runTaskToEnd } from "./runTaskToEnd.js";
import type { UpgradeTaskNames } from "./upgradeTaskNames.js";
import { waitAtHeight } from "./waitAtHeight.js";

/**
 * Every validator votes yes on the upgrade proposal, all at once, each with
 * its own key; resolves when every vote is included. A vote the chain refuses
 * rejects with that task's error. Each validator first reaches the highest
 * height any of them has made, which holds the proposal: on two loaded cores
 * one of four can lag the proposer by seconds.
 */
export async function voteUpgrade(
  client: Pick<Client, "runTask">,
  options: {
    validators: Node[];
    /** The network's namespace, where the tasks run. */
    namespace: string;
    proposalId: number;
    gov: GovTxSpec;
    taskName: UpgradeTaskNames;
    signal?: AbortSignal | undefined;
  },
): Promise<void> {
  const { signal, proposalId } = options;
  // Only endpoints this process reaches (k8s in-cluster ones it may not): the others vote as they are.
  const heights = await Promise.all(
    options.validators.map((v) =>
      v.tendermintRpc ? latestHeight(v.tendermintRpc, { signal }).catch(() => undefined) : undefined,
    ),
  );
  const proposed = Math.max(0, ...heights.map((h) => h ?? 0));
  await Promise.all(
    options.validators.map(async (v, i) => {
      if (v.tendermintRpc && heights[i] !== undefined) await waitAtHeight(v.tendermintRpc, proposed, signal);
      return runTaskToEnd(
        client,
        {
          name: options.taskName("vote"),
          namespace: options.namespace,
          node: v.name,
          kind: "GovVote",
          govVote: { ...options.gov, proposalId, option: "yes" },
        },
        signal,
      );
    }),
  );
}
