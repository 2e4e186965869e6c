import assert from "node:assert/strict";
import { test } from "node:test";
import { isFailed } from "../../errors/predicates.js";
import { fakeEndpoint } from "../../readiness/fakeEndpoint.fixture.js";
import type { TaskSpec } from "../../specs/types.js";
import type { TaskBackend, TaskTarget } from "../taskTarget.js";
import { govParamChange } from "./govParamChange.js";
import { govSoftwareUpgrade } from "./govSoftwareUpgrade.js";
import { govVote } from "./govVote.js";
import { restartSeid } from "./restartSeid.js";
import type { TaskContext } from "./taskContext.js";
import { updateNodeImage } from "./updateNodeImage.js";

const gov = { chainId: "n", fees: "20000usei", gas: 200_000 };

/**
 * A node whose seid records its argv and answers a broadcast, and whose
 * Tendermint RPC reports the tx included with `events`; `refuse` makes the
 * chain refuse it in CheckTx.
 */
async function scene(
  t: Parameters<typeof fakeEndpoint>[0],
  spec: TaskSpec,
  options: { events?: { key: string; value: string }[]; refuse?: string } = {},
) {
  const rpc = await fakeEndpoint(t, () => ({
    json: {
      result: {
        height: "12",
        tx_result: { code: 0, events: [{ type: "submit_proposal", attributes: options.events ?? [] }] },
      },
    },
  }));
  const calls: string[] = [];
  const argv: string[][] = [];
  const files = new Map<string, string>();
  const node: TaskTarget = {
    name: "n-0",
    namespace: "default",
    role: "validator",
    chainId: "n",
    home: "/h",
    txNode: "http://127.0.0.1:26657",
    rest: undefined,
    runtime: {
      seid: async (args) => {
        argv.push([...args]);
        return options.refuse
          ? JSON.stringify({ txhash: "AB", code: 5, raw_log: options.refuse })
          : `gas estimate\n${JSON.stringify({ txhash: "AB", code: 0 })}`;
      },
      readFile: async () => "",
      readFiles: async () => [],
      writeFile: async (path, data) => {
        files.set(path, data);
      },
      writeFiles: async () => {},
      mkdir: async (path) => {
        calls.push(`mkdir ${path}`);
      },
    },
  };
  const backend: TaskBackend<TaskTarget> = {
    namespace: (ns) => ns ?? "default",
    target: async () => node,
    view: async () => ({ phase: "Running", tendermintRpc: rpc.base }),
    checkUpdate: async () => {},
    update: async (update) => {
      calls.push(`update ${update.binary}`);
      return `seid ${update.binary}`;
    },
    restart: async () => {
      calls.push("restart");
    },
  };
  const context: TaskContext = {
    spec,
    node,
    backend,
    signal: AbortSignal.timeout(5_000),
    resource: "task/t",
  };
  return { context, argv, calls, files };
}

/** The flags every tx gets after its own, from broadcastTx. */
const txTail = [
  "--from",
  "n-0",
  "--chain-id",
  "n",
  "--home",
  "/h",
  "--keyring-backend",
  "test",
  "--node",
  "tcp://127.0.0.1:26657",
  "--broadcast-mode",
  "sync",
  "--output",
  "json",
  "-y",
];

test("GovSoftwareUpgrade: the proposal's argv and its id from the events", async (t) => {
  const spec: TaskSpec = {
    name: "up",
    node: "n-0",
    kind: "GovSoftwareUpgrade",
    govSoftwareUpgrade: {
      ...gov,
      title: "T",
      description: "D",
      initialDeposit: "10usei",
      upgradeName: "v6.6",
      upgradeHeight: 40,
      upgradeInfo: "info",
      memo: "m",
    },
  };
  const s = await scene(t, spec, { events: [{ key: "proposal_id", value: "7" }] });
  const out = await govSoftwareUpgrade(s.context);
  assert.deepEqual(out, { govSoftwareUpgrade: { proposalId: 7, txHash: "AB", height: 12 } });
  assert.deepEqual(s.argv, [
    [
      "tx",
      "gov",
      "submit-proposal",
      "software-upgrade",
      "v6.6",
      "--upgrade-height",
      "40",
      "--title",
      "T",
      "--description",
      "D",
      "--deposit",
      "10usei",
      "--fees",
      "20000usei",
      "--gas",
      "200000",
      "--upgrade-info",
      "info",
      "--note",
      "m",
      ...txTail,
    ],
  ]);
});

test("GovParamChange: the changes file in the node's home, then the proposal", async (t) => {
  const spec: TaskSpec = {
    name: "pc",
    node: "n-0",
    kind: "GovParamChange",
    govParamChange: {
      ...gov,
      title: "T",
      description: "D",
      initialDeposit: "10usei",
      changes: [{ subspace: "staking", key: "MaxValidators", value: "10" }],
    },
  };
  const s = await scene(t, spec, { events: [{ key: "proposal_id", value: "3" }] });
  const out = await govParamChange(s.context);
  assert.deepEqual(out, { govParamChange: { proposalId: 3, txHash: "AB", height: 12 } });
  assert.deepEqual(s.calls, ["mkdir /h/seinet-proposals"]);
  assert.deepEqual(JSON.parse(s.files.get("/h/seinet-proposals/pc.json") ?? "null"), {
    title: "T",
    description: "D",
    changes: [{ subspace: "staking", key: "MaxValidators", value: 10 }],
    deposit: "10usei",
  });
  assert.deepEqual(s.argv, [
    [
      "tx",
      "gov",
      "submit-proposal",
      "param-change",
      "/h/seinet-proposals/pc.json",
      "--fees",
      "20000usei",
      "--gas",
      "200000",
      ...txTail,
    ],
  ]);
});

test("GovVote: votes with the key it names", async (t) => {
  const spec: TaskSpec = {
    name: "v",
    node: "n-0",
    kind: "GovVote",
    govVote: { ...gov, proposalId: 7, option: "yes", keyName: "alice" },
  };
  const s = await scene(t, spec);
  assert.deepEqual(await govVote(s.context), { govVote: { txHash: "AB", height: 12 } });
  assert.deepEqual(s.argv[0]?.slice(0, 9), [
    "tx",
    "gov",
    "vote",
    "7",
    "yes",
    "--fees",
    "20000usei",
    "--gas",
    "200000",
  ]);
  assert.equal(s.argv[0]?.[s.argv[0].indexOf("--from") + 1], "alice");
});

test("error: a vote the chain refuses is a FailedError with its raw log", async (t) => {
  const spec: TaskSpec = {
    name: "v",
    node: "n-0",
    kind: "GovVote",
    govVote: { ...gov, proposalId: 9, option: "no" },
  };
  const s = await scene(t, spec, { refuse: "inactive proposal" });
  await assert.rejects(
    govVote(s.context),
    (err: unknown) => isFailed(err) && /inactive proposal/.test(String((err as { reason?: string }).reason)),
  );
});

test("UpdateNodeImage and RestartSeid: through the mode's backend", async (t) => {
  const spec: TaskSpec = {
    name: "u",
    node: "n-0",
    kind: "UpdateNodeImage",
    updateNodeImage: { binary: "v6.6.2" },
  };
  const s = await scene(t, spec);
  assert.deepEqual(await updateNodeImage(s.context), { updateNodeImage: { appliedImage: "seid v6.6.2" } });
  assert.deepEqual(await restartSeid(s.context), {});
  assert.deepEqual(s.calls, ["update v6.6.2", "restart"]);
});
