import { type UpContext, type UpTimings, bringUp } from "../../../bringUp/bringUp.js";
import type { Client } from "../../../client/client.js";
import type { Network } from "../../../client/handles.js";
import { type NetworkInfo, networkInfo } from "../../networkInfo.js";
import { type NodeInfo, nodeInfo } from "../../nodeInfo.js";
import type { UpPlan } from "./plan.js";

export type { UpContext, UpTimings } from "../../../bringUp/bringUp.js";

/** What `up` made: the network, all its nodes, the test account and the timings. */
export interface UpResult {
  network: NetworkInfo;
  nodes: NodeInfo[];
  testAccount: Network["testAccount"];
  timings: UpTimings;
}

/**
 * `up`'s bring-up: the plan's network and followers through {@link bringUp}
 * (which deletes what it made on failure unless `keepOnFailure`), read back
 * into the report shape.
 */
export async function runUp(client: Client, plan: UpPlan, context: UpContext): Promise<UpResult> {
  const { network: net, timings } = await bringUp(
    client,
    {
      network: {
        ...plan.spec,
        name: plan.name,
        namespace: plan.namespace,
        validators: plan.validators,
        ...(plan.mode === "local" ? { binary: plan.binary } : { image: plan.image }),
      },
      followers: plan.followers,
      timeoutMs: plan.timeoutMs,
      keepOnFailure: plan.keepOnFailure,
      // A warm template (local and docker modes) unless --fresh or --from.
      template: plan.fresh ? "fresh" : "reuse",
      ...(plan.from !== undefined ? { from: plan.from } : {}),
    },
    context,
  );
  const nodes = await client.listNodes({ network: plan.name, namespace: net.namespace });
  return {
    network: networkInfo(net, nodes),
    nodes: nodes.map(nodeInfo),
    testAccount: net.testAccount,
    timings,
  };
}
