// Perturbation conformance: the fault verbs a mode claims, checked on one
// shared 4-validator network with one follower, through the public API only.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  ChainStalledError,
  type Client,
  FailedError,
  type Network,
  type Node,
  UsageError,
  waitChainAdvances,
  waitRecovered,
} from "../../src/index.js";
import type { ConformanceTarget } from "./suite.js";

/** A verb pair: the fault and its undoing. */
export type PerturbVerb = "pause" | "disconnect" | "kill";

/** Every fault verb of a node handle, for the refusals check. */
export const FAULT_VERBS = ["pause", "unpause", "disconnect", "reconnect", "kill", "restart"] as const;

/** What a mode claims about perturbations. */
export interface PerturbTarget {
  /** Verbs the mode makes real (`kill` implies `restart`). */
  verbs: readonly PerturbVerb[];
  /** Checks, after the network is deleted, that nothing of its faults is left (a SIGSTOPped process, a relay). */
  assertClean?(networkObject: unknown): Promise<void>;
}

const UNDO = { pause: "unpause", disconnect: "reconnect" } as const;

/** Registers the perturbation tests of one mode. */
export function perturbations(
  target: ConformanceTarget,
  perturb: PerturbTarget,
  name: (p: string) => string,
) {
  const wait = (ms = target.readyTimeoutMs) => ({ signal: AbortSignal.timeout(ms) });
  describe(`perturbations: ${target.mode}`, () => {
    let client: Client;
    let net: Network;
    let validators: Node[] = [];
    let follower: Node;
    let netObject: unknown;

    before(async () => {
      client = await target.open();
      net = await client.createNetwork({ name: name("pert"), validators: 4, ...target.networkExtras });
      await net.waitReady(wait());
      validators = await Promise.all(
        net.validators.map((v) => client.getNode(v, { namespace: net.namespace })),
      );
      follower = await client.createNode({
        name: name("pert-f"),
        network: net.name,
        namespace: net.namespace,
        ...target.nodeExtras,
      });
      await follower.waitReady(wait());
      await waitRecovered(follower, { reference: validators[0], ...wait() });
    });

    after(async () => {
      netObject = net?.object();
      await follower?.delete();
      await net?.delete({ cascade: true });
      await client?.close();
      if (netObject) await perturb.assertClean?.(netObject);
    });

    for (const verb of ["pause", "disconnect"] as const) {
      if (!perturb.verbs.includes(verb)) continue;
      const undo = UNDO[verb];
      test(`behavior: ${verb} one validator → the chain advances; a second → it stalls; ${undo} both → it resumes and both catch up`, async () => {
        const [v0, v1, v2, v3] = validators as [Node, Node, Node, Node];
        const [down, up] = [(n: Node) => n[verb]!(wait()), (n: Node) => n[undo]!(wait())];
        const watchers = [v0, v3, follower].map((n) => n.tendermintRpc as string);
        await down(v1);
        try {
          await waitChainAdvances(watchers, {
            blocks: 3,
            withNodesDown: [v1.name],
            stallTimeout: 30_000,
            ...wait(),
          });
          await down(v2);
          const stalled = await waitChainAdvances(watchers, {
            blocks: 3,
            withNodesDown: [v1.name, v2.name],
            stallTimeout: 8_000,
            ...wait(),
          }).catch((e: unknown) => e);
          assert.ok(
            stalled instanceof ChainStalledError,
            `the chain stalls with half the power out: ${stalled}`,
          );
          assert.deepEqual(stalled.nodesDown, [v1.name, v2.name]);
        } finally {
          await up(v1);
          await up(v2).catch(() => {});
        }
        await waitChainAdvances(watchers, { blocks: 3, stallTimeout: 30_000, ...wait() });
        for (const v of [v1, v2]) {
          const { ms } = await waitRecovered(v, { reference: [v0.tendermintRpc as string], ...wait() });
          assert.ok(ms >= 0);
        }
      });
    }

    if (perturb.verbs.includes("kill")) {
      test("behavior: kill a follower → Failed, waitReady rejects at once; restart → it catches up", async () => {
        await follower.kill!(wait());
        assert.equal(follower.phase, "Failed");
        const started = Date.now();
        await assert.rejects(follower.waitReady(wait()), FailedError);
        assert.ok(Date.now() - started < 10_000, "no pending wait hangs on a killed node");
        await follower.restart!(wait());
        await follower.waitReady(wait());
        await waitRecovered(follower, { reference: [validators[0]?.tendermintRpc as string], ...wait() });
      });
    }
  });
}

/** Asserts that every fault verb not claimed is a UsageError on `node`. */
export async function assertRefused(node: Node, refused: readonly string[]): Promise<void> {
  for (const verb of refused) {
    const fn = (node as unknown as Record<string, ((o?: object) => Promise<void>) | undefined>)[verb];
    assert.ok(fn, `${verb} exists and explains itself`);
    await assert.rejects(fn.call(node), UsageError, `${verb} is a UsageError`);
  }
}
