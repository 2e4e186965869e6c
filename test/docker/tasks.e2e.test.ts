// Tasks in the docker mode on a real Docker engine and real seid: a gov
// software upgrade v6.5.2 → v6.6.2 ("v6.6" handler) carried out task by task
// on a 1-validator network (propose, vote, await the halt, swap the image),
// a restart that keeps the node's ports, and bad input refused before
// anything reaches the chain or the engine.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { promisify } from "node:util";
import Docker from "dockerode";
import {
  type Client,
  FailedError,
  type GovVoteSpec,
  NotFoundError,
  UsageError,
  isCanceled,
  latestHeight,
  open,
  upgradeNetwork,
  waitHeightAdvances,
} from "../../src/index.js";
import { type DockerEngine, ensureDockerEngine, repoRoot } from "./engine.js";
import { labelled } from "./leftovers.js";
import { testImage } from "./seidImage.js";

const namespace = `tasks-${process.pid}`;
const NET = "tupg";
const gov = { chainId: NET, fees: "20000usei", gas: 200_000 };
const ready = () => ({ signal: AbortSignal.timeout(120_000) });
let engine: DockerEngine | undefined;
let oldImage = "";
let newImage = "";
let stateDir = "";
let client: Client;

before(async () => {
  engine = await ensureDockerEngine((line) => console.error(line));
  [oldImage, newImage] = await Promise.all([testImage("v6.5.2"), testImage("v6.6.2")]);
  stateDir = await mkdtemp(join(tmpdir(), "seinet-docker-tasks-"));
  client = await open("docker", { namespace, stateDir });
});

after(async () => {
  if (client) {
    for (const net of await client.listNetworks()) await net.delete({ cascade: true });
    await client.close();
    assert.deepEqual(await labelled(new Docker(), { "sei.io/namespace": namespace }), [], "nothing left");
  }
  if (stateDir) await rm(stateDir, { recursive: true, force: true });
  await engine?.stop();
});

/** The version the node's seid reports over RPC (`/abci_info`). */
async function abciVersion(rpc: string): Promise<string> {
  const res = await fetch(`${rpc}/abci_info`, { signal: AbortSignal.timeout(5_000) });
  const body = (await res.json()) as {
    result?: { response?: { version?: string } };
    response?: { version?: string };
  };
  return (body.result?.response ?? body.response)?.version ?? "";
}

/** Reads a task's phase from another process, as `seinet` in a second shell would. */
async function phaseFromAnotherProcess(task: string): Promise<string> {
  const script = `
    import { open } from "./src/index.ts";
    const client = await open("docker", { namespace: ${JSON.stringify(namespace)}, stateDir: ${JSON.stringify(stateDir)} });
    const task = await client.getTask(${JSON.stringify(task)});
    console.log(JSON.stringify({ phase: task.phase, outputs: task.outputs }));
    await client.close();`;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", script],
    { cwd: repoRoot, timeout: 60_000 },
  );
  return (JSON.parse(stdout.trim().split("\n").pop() as string) as { phase: string }).phase;
}

describe("docker: tasks", { timeout: 10 * 60_000 }, () => {
  let upgradeHeight = 0;

  test("default: a gov upgrade v6.5.2 → v6.6.2 through tasks: propose, vote, halt, swap the image", async () => {
    const started = performance.now();
    const net = await client.createNetwork({ name: NET, validators: 1, image: oldImage });
    await net.waitReady(ready());
    const validator = await client.getNode(`${NET}-0`);
    assert.equal(await abciVersion(validator.tendermintRpc!), "v6.5.2");
    const now = await latestHeight(validator.tendermintRpc!);
    upgradeHeight = now + 80;
    const propose = await client.runTask({
      name: "propose",
      node: validator.name,
      kind: "GovSoftwareUpgrade",
      govSoftwareUpgrade: {
        ...gov,
        title: "v6.6",
        description: "docker upgrade rehearsal",
        initialDeposit: "10000000usei",
        upgradeName: "v6.6",
        upgradeHeight,
      },
    });
    assert.equal(propose.kind, "GovSoftwareUpgrade");
    const { govSoftwareUpgrade } = await propose.wait(ready());
    assert.ok(govSoftwareUpgrade?.proposalId && govSoftwareUpgrade.txHash && govSoftwareUpgrade.height);
    // Signed inside the validator's container, with the key the ceremony left in its home.
    const vote = await client.runTask({
      name: "vote",
      node: validator.name,
      kind: "GovVote",
      govVote: { ...gov, proposalId: govSoftwareUpgrade.proposalId, option: "yes" },
    });
    const voted = await vote.wait(ready());
    assert.ok(voted.govVote?.txHash);
    assert.equal(await phaseFromAnotherProcess("vote"), "Complete");
    const proposed = performance.now();

    const halt = await client.runTask({
      name: "halt",
      node: validator.name,
      kind: "AwaitNodesAtHeight",
      awaitNodesAtHeight: { targetHeight: upgradeHeight },
    });
    const { awaitNodesAtHeight } = await halt.wait(ready());
    assert.equal(awaitNodesAtHeight?.currentHeight, upgradeHeight);
    // seid reports block H before it applies it and stops there: the task ends at the halt, not at the report.
    await validator.refresh();
    assert.equal(validator.phase, "Halted");
    assert.equal(validator.tendermintRpc, undefined, "a halted node publishes nothing");
    const halted = performance.now();

    // The sentry runs the chain too and stops at the same block: both are swapped.
    for (const node of [validator.name, `${NET}-sentry`]) {
      const sentryHalt = await client.runTask({
        name: `halt-${node}`,
        node,
        kind: "AwaitNodesAtHeight",
        awaitNodesAtHeight: { targetHeight: upgradeHeight },
      });
      await sentryHalt.wait(ready());
      const swap = await client.runTask({
        name: `swap-${node}`,
        node,
        kind: "UpdateNodeImage",
        updateNodeImage: { image: newImage },
      });
      assert.deepEqual(await swap.wait(ready()), { updateNodeImage: { appliedImage: newImage } });
    }
    await validator.refresh();
    assert.equal(validator.phase, "Running");
    assert.equal((validator.object() as Docker.ContainerInspectInfo).Config.Image, newImage);
    const rpc = validator.tendermintRpc!;
    for (let i = 0; (await latestHeight(rpc).catch(() => 0)) < upgradeHeight + 2; i++) {
      assert.ok(i < 600, `the chain passes ${upgradeHeight + 2} on the new image`);
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(await abciVersion(rpc), "v6.6.2");
    await net.waitReady(ready());
    assert.equal(net.phase, "Ready");
    const resumed = performance.now();
    console.error(
      `docker upgrade via tasks: propose+vote ${((proposed - started) / 1000).toFixed(1)} s (incl. network up), ` +
        `halt ${((halted - proposed) / 1000).toFixed(1)} s, swap+resume ${((resumed - halted) / 1000).toFixed(1)} s`,
    );
  });

  test("default: RestartSeid restarts the container on the same home and host ports", async () => {
    const node = await client.getNode(`${NET}-0`);
    const before = node.object() as Docker.ContainerInspectInfo;
    const height = await latestHeight(node.tendermintRpc!);
    const restart = await client.runTask({
      name: "restart",
      node: node.name,
      kind: "RestartSeid",
      restartSeid: {},
    });
    assert.deepEqual(await restart.wait(ready()), {});
    await node.waitReady(ready());
    const afterRestart = node.object() as Docker.ContainerInspectInfo;
    assert.notEqual(afterRestart.Id, before.Id, "a new container");
    assert.ok(new Date(afterRestart.State.StartedAt) > new Date(before.State.StartedAt));
    assert.equal(afterRestart.Config.Image, newImage, "the same image");
    assert.equal(
      node.tendermintRpc,
      `http://127.0.0.1:${before.NetworkSettings.Ports["26657/tcp"]?.[0]?.HostPort}`,
    );
    const { height: now } = await waitHeightAdvances(node.tendermintRpc!, 2, ready());
    assert.ok(now > height, "the chain goes on from where it was");
  });

  test("error: bad input is refused before anything reaches the chain; a failed tx carries its raw log", async () => {
    const validator = await client.getNode(`${NET}-0`);
    const containerBefore = (validator.object() as Docker.ContainerInspectInfo).Id;
    const refused = async (spec: Parameters<Client["runTask"]>[0], check: (e: unknown) => boolean) => {
      await assert.rejects(client.runTask(spec), (e: unknown) => {
        assert.ok(check(e), `${spec.name}: ${String(e)}`);
        return true;
      });
      await assert.rejects(client.getTask(spec.name), NotFoundError, `${spec.name} left no record`);
    };
    await refused(
      { name: "t-unknown", node: "no-such-node", kind: "RestartSeid", restartSeid: {} },
      (e) => e instanceof NotFoundError,
    );
    await refused(
      {
        name: "t-missing",
        node: validator.name,
        kind: "GovVote",
        // A required field missing on purpose.
        govVote: { ...gov, option: "yes" } as unknown as GovVoteSpec,
      },
      (e) => e instanceof UsageError && e.field === "govVote.proposalId",
    );
    await refused(
      {
        name: "t-noprop",
        node: validator.name,
        kind: "GovVote",
        govVote: { ...gov, proposalId: 99, option: "yes" },
      },
      (e) => e instanceof UsageError && /Proposal 99 does not exist/.test(e.message),
    );
    await refused(
      {
        name: "t-fees",
        node: validator.name,
        kind: "GovVote",
        govVote: { ...gov, fees: "1usei", proposalId: 1, option: "yes" },
      },
      (e) => e instanceof UsageError && e.field === "govVote.fees",
    );
    await refused(
      {
        name: "t-chain",
        node: validator.name,
        kind: "GovVote",
        govVote: { ...gov, chainId: "other", proposalId: 1, option: "yes" },
      },
      (e) => e instanceof UsageError && e.field === "govVote.chainId",
    );
    await refused(
      {
        name: "t-sentry",
        node: `${NET}-sentry`,
        kind: "GovVote",
        govVote: { ...gov, proposalId: 1, option: "yes" },
      },
      (e) => e instanceof UsageError && e.field === "node",
    );
    await refused(
      {
        name: "t-binary",
        node: validator.name,
        kind: "UpdateNodeImage",
        updateNodeImage: { binary: "v6.6.2" },
      },
      (e) => e instanceof UsageError && e.field === "updateNodeImage.binary",
    );
    await refused(
      {
        name: "t-image",
        node: validator.name,
        kind: "UpdateNodeImage",
        updateNodeImage: { image: `seinet-test/absent:${process.pid}` },
      },
      (e) => e instanceof UsageError && e.field === "updateNodeImage.image",
    );
    const aborted = new AbortController();
    aborted.abort();
    await assert.rejects(
      client.runTask(
        { name: "t-aborted", node: validator.name, kind: "RestartSeid", restartSeid: {} },
        { signal: aborted.signal },
      ),
      (e: unknown) => isCanceled(e),
    );
    await assert.rejects(client.getTask("t-aborted"), NotFoundError);
    await validator.refresh();
    assert.equal(
      (validator.object() as Docker.ContainerInspectInfo).Id,
      containerBefore,
      "the node is untouched",
    );
    assert.equal(validator.phase, "Running");

    // Proposal 1 passed: the chain refuses a vote on it, and the task carries the chain's words.
    const late = await client.runTask({
      name: "t-late-vote",
      node: validator.name,
      kind: "GovVote",
      govVote: { ...gov, proposalId: 1, option: "yes" },
    });
    await assert.rejects(late.wait(ready()), (e: unknown) => {
      assert.ok(e instanceof FailedError, String(e));
      assert.match(e.reason ?? "", /inactive proposal/);
      return true;
    });
    assert.equal((await client.getTask("t-late-vote")).phase, "Failed");

    // A task's own timeout fails it; deleting a running task cancels it.
    const far = (await latestHeight(validator.tendermintRpc!)) + 1_000_000;
    const slow = await client.runTask({
      name: "t-timeout",
      node: validator.name,
      kind: "AwaitNodesAtHeight",
      awaitNodesAtHeight: { targetHeight: far },
      timeout: 1_000,
    });
    await assert.rejects(
      slow.wait(ready()),
      (e: unknown) => e instanceof FailedError && /timed out/.test(e.reason ?? ""),
    );
    const forever = await client.runTask({
      name: "t-cancel",
      node: validator.name,
      kind: "AwaitNodesAtHeight",
      awaitNodesAtHeight: { targetHeight: far },
    });
    await forever.delete();
    await assert.rejects(client.getTask("t-cancel"), NotFoundError);
    for (const name of ["propose", "vote", "halt", "restart", "t-late-vote", "t-timeout"]) {
      await (await client.getTask(name)).delete();
    }
    await client.getNetwork(NET).then((n) => n.delete({ cascade: true }));
  });

  test("default: upgradeNetwork rehearses v6.5.2 → v6.6.2 on 1 validator + 1 follower; a later follower is swapped at the height too", async () => {
    const name = "tupg-rehearse";
    const net = await client.createNetwork({ name, validators: 1, image: oldImage });
    await net.waitReady(ready());
    const rpc = await client.createNode({ name: `${name}-rpc`, network: name });
    await rpc.waitReady(ready());
    const started = performance.now();
    const report = await upgradeNetwork(client, {
      network: name,
      to: newImage,
      name: "v6.6",
      signal: AbortSignal.timeout(240_000),
      onProgress: (line) => console.error(`upgrade: ${line}`),
    });
    const wallMs = performance.now() - started;
    console.error(
      `docker rehearsal wall time ${(wallMs / 1000).toFixed(1)} s: ${JSON.stringify(report.timings)}`,
    );
    assert.equal(report.nodes.length, 3, "validator, sentry and follower");
    for (const node of report.nodes) {
      assert.equal(node.applied, newImage, node.name);
      assert.ok(node.height >= report.height + 2, `${node.name} at ${node.height} passed ${report.height}`);
    }
    for (const node of await client.listNodes({ network: name })) {
      assert.equal(node.phase, "Running", node.name);
      assert.equal(await abciVersion(node.tendermintRpc!), "v6.6.2", node.name);
    }
    // A follower that joins later syncs from genesis on the network's first
    // image, halts at the upgrade like the others, and is swapped the same way.
    const late = await client.createNode({ name: `${name}-late`, network: name });
    assert.equal((late.object() as Docker.ContainerInspectInfo).Config.Image, oldImage);
    const caughtUp = await client.runTask({
      name: "late-halt",
      node: late.name,
      kind: "AwaitNodesAtHeight",
      awaitNodesAtHeight: { targetHeight: report.height },
    });
    assert.equal((await caughtUp.wait(ready())).awaitNodesAtHeight?.currentHeight, report.height);
    const swap = await client.runTask({
      name: "late-swap",
      node: late.name,
      kind: "UpdateNodeImage",
      updateNodeImage: { image: newImage },
    });
    await swap.wait(ready());
    await late.waitReady(ready());
    const { height } = await waitHeightAdvances(late.tendermintRpc!, 2, ready());
    assert.ok(height >= report.height + 2);
    await net.delete({ cascade: true });
  });
});
