import type { Client } from "../client/client.js";
import type { Node } from "../client/handles.js";
import { FailedError } from "../errors/failed.js";
import type { GovTxSpec } from "../specs/types.js";
import { runTaskToEnd } from "./runTaskToEnd.js";
import type { UpgradeTaskNames } from "./upgradeTaskNames.js";

/**
 * The first step of a rehearsal: a software-upgrade proposal for `name` at
 * `height`, from `proposer` (a validator, whose key signs), with the gov
 * minimum `deposit` so the vote starts at once. Resolves with the proposal's
 * id; a proposal the chain refuses rejects with the task's error, and a
 * runtime that publishes no proposal id (the served controller) with a
 * FailedError saying so.
 */
export async function proposeUpgrade(
  client: Pick<Client, "runTask">,
  options: {
    proposer: Node;
    /** The network's namespace, where the task runs. */
    namespace: string;
    gov: GovTxSpec;
    name: string;
    /** What the nodes will run, for the proposal's description. */
    to: string;
    height: number;
    deposit: string;
    taskName: UpgradeTaskNames;
    signal?: AbortSignal | undefined;
  },
): Promise<number> {
  const { proposer, signal } = options;
  const proposed = await runTaskToEnd(
    client,
    {
      name: options.taskName("propose"),
      namespace: options.namespace,
      node: proposer.name,
      kind: "GovSoftwareUpgrade",
      govSoftwareUpgrade: {
        ...options.gov,
        title: `Upgrade to ${options.name}`,
        description: `seinet upgrade rehearsal to ${options.to}`,
        initialDeposit: options.deposit,
        upgradeName: options.name,
        upgradeHeight: options.height,
      },
    },
    signal,
  );
  const proposalId = proposed.govSoftwareUpgrade?.proposalId;
  if (proposalId === undefined) {
    throw new FailedError(
      `Task "${options.taskName("propose")}" completed, but its runtime published no proposal id, so no vote can follow.`,
      {
        resource: `task/${options.taskName("propose")}`,
        phase: "Complete",
        reason: "status.outputs.govSoftwareUpgrade.proposalId is empty",
      },
      {
        metaMessages: [
          "sei-k8s-controller builds that publish no outputs for sidecar tasks (such as 978577b) cannot run upgradeNetwork; the local and docker modes can.",
        ],
      },
    );
  }
  return proposalId;
}
