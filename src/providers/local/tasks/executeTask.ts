import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import type { ChainRuntime } from "../../../chain/runtime.js";
import { FailedError } from "../../../errors/failed.js";
import { abortError } from "../../../internal/abort.js";
import { latestHeight } from "../../../readiness/latestHeight.js";
import type { TaskOutputs, TaskSpec } from "../../../specs/types.js";
import { endpointsOf } from "../endpoints.js";
import type { NetworkRecord, NodeRecord, SeidRef } from "../records.js";
import type { NodeView } from "../views.js";
import { broadcastTx } from "./seidTx.js";

/** What running a task needs from the provider. */
export interface TaskDeps {
  runtime(node: NodeRecord): ChainRuntime;
  view(node: NodeRecord): Promise<NodeView>;
  /** Stops the node's seid (if it runs) and starts `seid` (or the same one) on the same home. */
  restart(node: NodeRecord, seid: SeidRef | undefined, signal: AbortSignal): Promise<NodeRecord>;
  resolve(binary: string, signal: AbortSignal): Promise<SeidRef>;
}

const proposalId = (events: Map<string, string>) =>
  Number(events.get("submit_proposal.proposal_id") ?? events.get("proposal_deposit.proposal_id"));

/**
 * Carries out one task against a node of this machine and returns its
 * outputs, shaped as the SeiNodeTask CRD reports them. Throws FailedError
 * with the chain's raw log or the node's reason.
 */
export async function executeTask(
  spec: TaskSpec,
  node: NodeRecord,
  network: NetworkRecord,
  deps: TaskDeps,
  signal: AbortSignal,
): Promise<TaskOutputs> {
  const resource = `task/${spec.name}`;
  const rpc = endpointsOf(node).tendermintRpc;
  const tx = (args: string[], from: string) =>
    broadcastTx(deps.runtime(node), args, {
      home: node.home,
      rpc,
      chainId: network.chainId,
      from,
      resource,
      signal,
    });
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
      const dir = await mkdtemp(join(tmpdir(), "seinet-proposal-"));
      try {
        const file = join(dir, "proposal.json");
        const changes = p.changes.map((c) => ({
          subspace: c.subspace,
          key: c.key,
          value: JSON.parse(c.value) as unknown,
        }));
        await writeFile(
          file,
          JSON.stringify({ title: p.title, description: p.description, changes, deposit: p.initialDeposit }),
        );
        const args = [
          "gov",
          "submit-proposal",
          "param-change",
          file,
          "--fees",
          p.fees,
          "--gas",
          String(p.gas),
        ];
        if (p.memo) args.push("--note", p.memo);
        const included = await tx(args, p.keyName ?? node.name);
        return {
          govParamChange: {
            proposalId: proposalId(included.events),
            txHash: included.txHash,
            height: included.height,
          },
        };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
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
        const view = await deps.view(node);
        // A node that stopped for a scheduled upgrade at the target has reached it.
        if (view.halt && view.halt.height >= target)
          return { awaitNodesAtHeight: { currentHeight: view.halt.height } };
        if (view.phase === "Failed" || view.phase === "Terminating") {
          throw new FailedError(`Node "${node.name}" stopped before height ${target}.`, {
            resource,
            phase: "Failed",
            reason: view.reason,
            exitCode: view.exitCode,
          });
        }
        if (view.phase === "Running") {
          const height = await latestHeight(rpc, { signal, requestTimeout: 2_000 }).catch(() => 0);
          if (height >= target) return { awaitNodesAtHeight: { currentHeight: height } };
        }
        await delay(100, undefined, { signal }).catch(() => {});
      }
    }
    case "UpdateNodeImage": {
      const p = spec.updateNodeImage!;
      const seid = await deps.resolve(p.binary as string, signal);
      const restarted = await deps.restart(node, seid, signal);
      return { updateNodeImage: { appliedImage: restarted.seid.version ?? restarted.seid.path } };
    }
    case "RestartSeid": {
      await deps.restart(node, undefined, signal);
      return {};
    }
  }
}
