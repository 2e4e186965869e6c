import { setTimeout as delay } from "node:timers/promises";
import { FailedError } from "../errors/failed.js";
import { abortError } from "../internal/abort.js";
import { latestHeight } from "../readiness/latestHeight.js";
import type { TaskOutputs, TaskSpec } from "../specs/types.js";
import { broadcastTx } from "./seidTx.js";
import type { TaskBackend, TaskTarget } from "./taskTarget.js";
import { pendingUpgradeHeight } from "./upgradePlan.js";

const proposalId = (events: Map<string, string>) =>
  Number(events.get("submit_proposal.proposal_id") ?? events.get("proposal_deposit.proposal_id"));

/**
 * Whether a node at `height` may be about to stop for a scheduled upgrade: the
 * plan is due at or below the height it reports. Such a node is watched until
 * it halts or moves on, so a task that ends there leaves its phase settled
 * (and an image swapped right after never lands before the halt).
 */
async function haltPending(rest: string | undefined, height: number, signal: AbortSignal): Promise<boolean> {
  if (!rest) return false;
  const due = await pendingUpgradeHeight(rest, signal).catch(() => undefined);
  return due !== undefined && due <= height;
}

/**
 * Carries out one task against a node and returns its outputs, shaped as the
 * SeiNodeTask CRD reports them. The tx is built here once; the mode's backend
 * decides where `seid tx` runs and how a node is restarted or swapped. Throws
 * FailedError with the chain's raw log or the node's reason.
 */
export async function executeTask<T extends TaskTarget>(
  spec: TaskSpec,
  node: T,
  backend: TaskBackend<T>,
  signal: AbortSignal,
): Promise<TaskOutputs> {
  const resource = `task/${spec.name}`;
  const tx = async (args: string[], from: string) => {
    const rpc = (await backend.view(node)).tendermintRpc;
    if (!rpc) {
      throw new FailedError(`Node "${node.name}" does not serve Tendermint RPC.`, {
        resource,
        phase: "Failed",
      });
    }
    return broadcastTx(node.runtime, args, {
      home: node.home,
      node: node.txNode,
      rpc,
      chainId: node.chainId,
      from,
      resource,
      signal,
    });
  };
  switch (spec.kind) {
    case "GovSoftwareUpgrade": {
      const p = spec.govSoftwareUpgrade!;
      const args = [
        "gov",
        "submit-proposal",
        "software-upgrade",
        p.upgradeName,
        "--upgrade-height",
        String(p.upgradeHeight),
      ];
      args.push("--title", p.title, "--description", p.description, "--deposit", p.initialDeposit);
      args.push("--fees", p.fees, "--gas", String(p.gas));
      if (p.upgradeInfo) args.push("--upgrade-info", p.upgradeInfo);
      if (p.memo) args.push("--note", p.memo);
      const included = await tx(args, p.keyName ?? node.name);
      return {
        govSoftwareUpgrade: {
          proposalId: proposalId(included.events),
          txHash: included.txHash,
          height: included.height,
        },
      };
    }
    case "GovParamChange": {
      const p = spec.govParamChange!;
      // Written where seid runs (the host, or the node's container), in the node's home.
      const dir = `${node.home}/seinet-proposals`;
      const file = `${dir}/${spec.name}.json`;
      const changes = p.changes.map((c) => ({
        subspace: c.subspace,
        key: c.key,
        value: JSON.parse(c.value) as unknown,
      }));
      await node.runtime.mkdir(dir);
      await node.runtime.writeFile(
        file,
        JSON.stringify({ title: p.title, description: p.description, changes, deposit: p.initialDeposit }),
      );
      const args = ["gov", "submit-proposal", "param-change", file, "--fees", p.fees, "--gas", String(p.gas)];
      if (p.memo) args.push("--note", p.memo);
      const included = await tx(args, p.keyName ?? node.name);
      return {
        govParamChange: {
          proposalId: proposalId(included.events),
          txHash: included.txHash,
          height: included.height,
        },
      };
    }
    case "GovVote": {
      const p = spec.govVote!;
      const args = ["gov", "vote", String(p.proposalId), p.option, "--fees", p.fees, "--gas", String(p.gas)];
      if (p.memo) args.push("--note", p.memo);
      const included = await tx(args, p.keyName ?? node.name);
      return { govVote: { txHash: included.txHash, height: included.height } };
    }
    case "AwaitNodesAtHeight": {
      const target = spec.awaitNodesAtHeight!.targetHeight;
      for (;;) {
        if (signal.aborted)
          throw abortError(signal, `waiting for node "${node.name}" to reach height ${target}`);
        const view = await backend.view(node);
        // A node that stopped for a scheduled upgrade at the target has reached it.
        if (view.halt && view.halt.height >= target)
          return { awaitNodesAtHeight: { currentHeight: view.halt.height } };
        if (view.phase === "Failed" || view.phase === "Terminating" || view.phase === "Halted") {
          throw new FailedError(`Node "${node.name}" stopped before height ${target}.`, {
            resource,
            phase: "Failed",
            reason: view.reason,
            exitCode: view.exitCode,
          });
        }
        if (view.phase === "Running" && view.tendermintRpc) {
          const height = await latestHeight(view.tendermintRpc, { signal, requestTimeout: 2_000 }).catch(
            () => 0,
          );
          if (height >= target && !(await haltPending(node.rest, height, signal)))
            return { awaitNodesAtHeight: { currentHeight: height } };
        }
        await delay(100, undefined, { signal }).catch(() => {});
      }
    }
    case "UpdateNodeImage": {
      const appliedImage = await backend.update(spec.updateNodeImage!, node, signal);
      return { updateNodeImage: { appliedImage } };
    }
    case "RestartSeid": {
      await backend.restart(node, signal);
      return {};
    }
  }
}
