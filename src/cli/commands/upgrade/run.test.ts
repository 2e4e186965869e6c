import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Client } from "../../../client/client.js";
import type { Network, Node } from "../../../client/handles.js";
import { CanceledError } from "../../../errors/canceled.js";
import { FailedError } from "../../../errors/failed.js";
import { NotFoundError } from "../../../errors/notFound.js";
import { TimeoutError } from "../../../errors/timeout.js";
import { UsageError } from "../../../errors/usage.js";
import { abortError } from "../../../internal/abort.js";
import type { UpgradeNetworkOptions, UpgradeReport } from "../../../rehearsal/upgradeNetwork.js";
import type { UpgradePlan } from "./plan.js";
import { type UpgradeContext, phaseOf, runUpgrade } from "./run.js";

const OLD = { path: "/cache/ab13/bin/seid", version: "v6.5.2" };
const NEW = { path: "/cache/3e7d/bin/seid", version: "v6.6.2" };

const PLAN: UpgradePlan = {
  network: "devnet",
  namespace: undefined,
  mode: "local",
  to: "v6.6.2",
  name: "v6.6",
  height: undefined,
  timeoutMs: 60_000,
};

function node(name: string, role: string, seid = OLD): Node {
  return { name, namespace: "default", role, object: () => ({ role, seid }) } as unknown as Node;
}

/** A client with one network `devnet` in `phase` and its validator and follower. */
function fakeClient(phase = "Ready", seid = OLD): Client {
  const net = {
    name: "devnet",
    namespace: "default",
    phase,
    refresh: async () => {},
  } as unknown as Network;
  return {
    getNetwork: async (name: string) => {
      if (name !== "devnet") throw new NotFoundError("network", name, { namespace: "default" });
      return net;
    },
    listNodes: async () => [node("devnet-0", "validator", seid), node("devnet-rpc-0", "follower", seid)],
  } as unknown as Client;
}

/** The report `upgradeNetwork` returns after the phases it announces. */
async function fakeUpgrade(_client: Client, options: UpgradeNetworkOptions): Promise<UpgradeReport> {
  const say = options.onProgress ?? (() => {});
  say(`proposing upgrade "${options.name}" at height 100 (now 40, ~6 blocks/s)`);
  say("proposal 3: 1 validator(s) vote yes");
  say("waiting for 1 validator(s) to halt at height 100");
  say(`swapping 1 validator(s) to ${options.to}`);
  say("waiting for every node to pass height 102");
  return {
    network: options.network,
    upgradeName: options.name,
    height: 100,
    proposalId: 3,
    nodes: [
      { name: "devnet-0", applied: "v6.6.2", height: 103 },
      { name: "devnet-rpc-0", applied: "v6.6.2", height: 102 },
    ],
    timings: { proposeMs: 1, voteMs: 2, haltMs: 3, swapMs: 4, resumeMs: 5, totalMs: 20 },
  };
}

function context(overrides: Partial<UpgradeContext> = {}) {
  const lines: string[] = [];
  const ctx: UpgradeContext = {
    signal: new AbortController().signal,
    progress: (phase, line) => lines.push(`${phase}: ${line}`),
    resolveTo: async () => NEW,
    upgrade: fakeUpgrade,
    ...overrides,
  };
  return { ctx, lines };
}

describe("runUpgrade", () => {
  test("default: the result joins the report with each node's seid before", async () => {
    const calls: UpgradeNetworkOptions[] = [];
    const { ctx, lines } = context({
      upgrade: (c, o) => {
        calls.push(o);
        return fakeUpgrade(c, o);
      },
    });
    const result = await runUpgrade(fakeClient(), { ...PLAN, height: 100 }, ctx);
    assert.equal(calls[0]?.to, NEW.path);
    assert.equal(calls[0]?.name, "v6.6");
    assert.equal(calls[0]?.height, 100);
    assert.deepEqual(result.to, { binary: "v6.6.2", ...NEW });
    assert.deepEqual(result.nodes, [
      { name: "devnet-0", role: "validator", from: "v6.5.2", applied: "v6.6.2", height: 103 },
      { name: "devnet-rpc-0", role: "follower", from: "v6.5.2", applied: "v6.6.2", height: 102 },
    ]);
    assert.equal(result.proposalId, 3);
    assert.deepEqual(lines, [
      `check: --to v6.6.2: seid v6.6.2 (${NEW.path})`,
      'propose: proposing upgrade "v6.6" at height 100 (now 40, ~6 blocks/s)',
      "votes: proposal 3: 1 validator(s) vote yes",
      "halt: waiting for 1 validator(s) to halt at height 100",
      // The resolved path reads as what --to said.
      "swap: swapping 1 validator(s) to v6.6.2",
      "resume: waiting for every node to pass height 102",
    ]);
  });

  test("behavior: phases of upgradeNetwork's lines", () => {
    assert.equal(phaseOf("waiting for 2 full node(s) to reach height 9 and halt"), "halt");
    assert.equal(phaseOf("swapping 2 full node(s) to v6.6.2"), "swap");
    assert.equal(phaseOf("something else"), undefined);
  });

  test("error: refusals before the proposal leave the network alone", async () => {
    let upgraded = 0;
    const upgrade = async (c: Client, o: UpgradeNetworkOptions) => {
      upgraded++;
      return fakeUpgrade(c, o);
    };
    await assert.rejects(
      runUpgrade(fakeClient(), { ...PLAN, network: "ghost" }, context({ upgrade }).ctx),
      (e: unknown) => e instanceof NotFoundError && /seinet ls --all-namespaces/.test(e.message),
    );
    await assert.rejects(
      runUpgrade(fakeClient("Degraded"), PLAN, context({ upgrade }).ctx),
      (e: unknown) => e instanceof UsageError && /is Degraded; an upgrade starts from Ready/.test(e.message),
    );
    await assert.rejects(
      runUpgrade(fakeClient("Ready", NEW), PLAN, context({ upgrade }).ctx),
      (e: unknown) => e instanceof UsageError && /already runs seid v6\.6\.2/.test(e.message),
    );
    const missing = new UsageError("no such seid");
    await assert.rejects(
      runUpgrade(
        fakeClient(),
        PLAN,
        context({
          upgrade,
          resolveTo: async () => {
            throw missing;
          },
        }).ctx,
      ),
      (e: unknown) => e === missing,
    );
    // The real resolver: a path that is no executable file is refused before ensureSeid.
    await assert.rejects(
      runUpgrade(
        fakeClient(),
        { ...PLAN, to: "/nonexistent/seid" },
        context({ upgrade, resolveTo: undefined }).ctx,
      ),
      (e: unknown) =>
        e instanceof UsageError &&
        /^`--to` "\/nonexistent\/seid" is neither an installed seid version/.test(e.message),
    );
    assert.equal(upgraded, 0);
  });

  test("error: a usage error after the proposal is a failure that says the network may be mid-upgrade", async () => {
    const { ctx } = context({
      upgrade: async (_c, o) => {
        o.onProgress?.('proposing upgrade "v6.6" at height 100');
        throw new UsageError('Node "devnet-0" passed height 100 without halting');
      },
    });
    await assert.rejects(
      runUpgrade(fakeClient(), PLAN, ctx),
      (e: unknown) =>
        e instanceof FailedError &&
        /passed height 100 without halting/.test(e.message) &&
        /may be halted or part-upgraded; `seinet status devnet`/.test(e.message),
    );
  });

  test("error: the timeout and an interrupt end the run as TimeoutError and CanceledError", async () => {
    const hang = async (_c: Client, o: UpgradeNetworkOptions): Promise<UpgradeReport> => {
      o.onProgress?.('proposing upgrade "v6.6" at height 100');
      return new Promise((_, reject) => {
        const signal = o.signal as AbortSignal;
        signal.addEventListener("abort", () => reject(abortError(signal, "waiting")), { once: true });
      });
    };
    await assert.rejects(
      runUpgrade(fakeClient(), { ...PLAN, timeoutMs: 50 }, context({ upgrade: hang }).ctx),
      (e: unknown) => e instanceof TimeoutError && /part-upgraded/.test(e.message),
    );
    const interrupt = new AbortController();
    const run = runUpgrade(fakeClient(), PLAN, context({ upgrade: hang, signal: interrupt.signal }).ctx);
    setTimeout(() => interrupt.abort(new Error("interrupted")), 20);
    await assert.rejects(run, CanceledError);
  });
});
