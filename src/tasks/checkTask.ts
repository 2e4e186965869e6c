import { UsageError } from "../errors/usage.js";
import { sleep } from "../internal/sleep.js";
import { endpoint } from "../readiness/endpoint.js";
import { getJson } from "../readiness/http.js";
import { waitRestServing } from "../readiness/waitRestServing.js";
import type { TaskSpec } from "../specs/types.js";
import { checkGovTx } from "./checkGovTx.js";
import type { TaskBackend, TaskTarget } from "./taskTarget.js";

/**
 * Checks a task against its node and the chain before anything is signed or
 * restarted: a gov tx needs a running validator (or a `keyName`), a chain id,
 * fees and deposit the chain accepts and, for a vote, a proposal that exists;
 * an image swap needs something the mode can run. Each problem is a
 * UsageError, so bad input never reaches the chain.
 */
export async function checkTask<T extends TaskTarget>(
  spec: TaskSpec,
  node: T,
  backend: TaskBackend<T>,
  signal?: AbortSignal,
): Promise<void> {
  const payload = spec.govSoftwareUpgrade ?? spec.govVote ?? spec.govParamChange;
  if (payload) {
    const field = spec.govSoftwareUpgrade
      ? "govSoftwareUpgrade"
      : spec.govVote
        ? "govVote"
        : "govParamChange";
    if (!payload.keyName && node.role !== "validator") {
      throw new UsageError(
        `Node "${node.name}" is a ${node.role} and holds no key: target a validator or give \`${field}.keyName\`.`,
        { field: "node" },
      );
    }
    const view = await backend.view(node);
    if (view.phase !== "Running" || !node.rest) {
      throw new UsageError(`Node "${node.name}" is ${view.phase}; a transaction needs a running node.`, {
        field: "node",
      });
    }
    const rest = node.rest;
    // REST comes up a moment after Tendermint RPC, which is all waitReady probes.
    await waitRestServing(rest, { timeout: 20_000, ...(signal ? { signal } : {}) });
    await checkGovTx(payload, field, node, rest, signal);
    if (spec.govVote) await requireProposal(rest, spec.govVote.proposalId, node.chainId, signal);
  }
  if (spec.updateNodeImage) await backend.checkUpdate(spec.updateNodeImage, node, signal);
}

/** How long a node may lag behind the one that included a proposal before the proposal counts as missing. */
const PROPOSAL_GRACE_MS = 3_000;

/**
 * A voted proposal must exist. The node voting may be a block or two behind
 * the one whose proposal tx was just included (several validators), so a
 * missing proposal is asked again for a few seconds before it is a UsageError.
 */
async function requireProposal(
  rest: string,
  id: number,
  chainId: string,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + PROPOSAL_GRACE_MS;
  for (;;) {
    const found = await getJson(endpoint(rest, `/cosmos/gov/v1beta1/proposals/${id}`), { signal }).catch(
      () => undefined,
    );
    if (found) return;
    if (Date.now() > deadline) {
      throw new UsageError(`Proposal ${id} does not exist on chain "${chainId}".`, {
        field: "govVote.proposalId",
      });
    }
    await sleep(200, signal, `looking up proposal ${id}`);
  }
}
