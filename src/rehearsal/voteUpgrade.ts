import type { Client } from "../client/client.js";
import type { Node } from "../client/handles.js";
import type { GovTxSpec } from "../specs/types.js";
import { runTaskToEnd } from "./runTaskToEnd.js";
import type { UpgradeTaskNames } from "./upgradeTaskNames.js";

/**
 * Every validator votes yes on the upgrade proposal, all at once, each with
 * its own key; resolves when every vote is included. A vote the chain refuses
 * rejects with that task's error.
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
  await Promise.all(
    options.validators.map((v) =>
      runTaskToEnd(
        client,
        {
          name: options.taskName("vote"),
          namespace: options.namespace,
          node: v.name,
          kind: "GovVote",
          govVote: { ...options.gov, proposalId, option: "yes" },
        },
        signal,
      ),
    ),
  );
}
