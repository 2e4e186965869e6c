// The docker mode against a real engine, beyond the conformance suite: labels
// and cleanup, a container killed from outside, two namespaces with the same
// node names, and fault injection (pause/unpause, disconnect/reconnect).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import Docker from "dockerode";
import {
  type Client,
  ConflictError,
  FailedError,
  InfraError,
  UsageError,
  latestHeight,
  open,
} from "../../src/index.js";
import { CONTAINER_HOME } from "../../src/providers/docker/names.js";
import { TEST_ACCOUNT_PATH } from "../../src/providers/docker/testAccountFile.js";
import { type DockerEngine, ensureDockerEngine } from "./engine.js";
import { labelled } from "./leftovers.js";
import { testImage } from "./seidImage.js";

const docker = new Docker();
const nsA = `dk-a-${process.pid}`;
const nsB = `dk-b-${process.pid}`;
const NAME = "twin";
const ready = () => ({ signal: AbortSignal.timeout(120_000) });

/** Permission bits of a file in a container, from the archive API's tar header. */
async function fileMode(container: Docker.ContainerInspectInfo, path: string): Promise<number> {
  const stream = await docker.getContainer(container.Id).getArchive({ path });
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  // ustar header: mode is 8 octal bytes at offset 100.
  return Number.parseInt(Buffer.concat(chunks).subarray(100, 108).toString("latin1").trim(), 8) & 0o777;
}

/** What is still labelled so, read again for up to `ms` while the engine finishes removing (bounded). */
async function leftAfter(ms: number, labels: Record<string, string>): Promise<string[]> {
  const until = Date.now() + ms;
  for (;;) {
    const left = await labelled(docker, labels);
    if (left.length === 0 || Date.now() > until) return left;
    await delay(250);
  }
}

/** Heights of the snapshots under a container's `data/snapshots` (the image has no shell: read via the archive API). */
async function containerSnapshotHeights(containerId: string): Promise<number[]> {
  const stream = await docker
    .getContainer(containerId)
    .getArchive({ path: `${CONTAINER_HOME}/data/snapshots` });
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const names = Buffer.concat(chunks).toString("latin1");
  return [...new Set([...names.matchAll(/snapshots\/([1-9]\d*)\//g)].map((m) => Number(m[1])))];
}

describe("docker mode (real Docker engine)", { timeout: 6 * 60_000 }, () => {
  let engine: DockerEngine | undefined;
  let image = "";
  let a: Client;
  let b: Client;

  before(async () => {
    engine = await ensureDockerEngine((line) => console.error(line));
    image = await testImage();
    a = await open("docker", { namespace: nsA });
    b = await open("docker", { namespace: nsB });
  });

  after(async () => {
    for (const client of [a, b]) {
      if (!client) continue;
      for (const net of await client.listNetworks()) await net.delete({ cascade: true });
      await client.close();
    }
    await engine?.stop();
  });

  test("error: a daemon that does not answer is an InfraError from open", async () => {
    await assert.rejects(open("docker", { dockerHost: "unix:///nonexistent/docker.sock" }), InfraError);
  });

  test("error: no image is a UsageError naming `image`, and nothing is created", async () => {
    await assert.rejects(a.createNetwork({ name: "noimage", validators: 1 }), (err: unknown) => {
      assert.ok(err instanceof UsageError);
      assert.equal(err.field, "image");
      return true;
    });
    assert.deepEqual(await labelled(docker, { "sei.io/seinetwork": "noimage" }), []);
  });

  test("error: a network whose Docker network keeps its key in a label is Failed, saying to recreate it; delete still works", async () => {
    const name = "keyinlabel";
    await docker.createNetwork({
      Name: `seinet-${nsA}-${name}`,
      Labels: {
        "app.kubernetes.io/managed-by": "seinet",
        "sei.io/role": "network",
        "sei.io/seinetwork": name,
        "sei.io/namespace": nsA,
        "sei.io/validators": "1",
        "sei.io/test-account-key": `0x${"11".repeat(32)}`,
      },
    });
    const net = await a.getNetwork(name);
    assert.equal(net.phase, "Failed");
    assert.equal(net.testAccount, undefined);
    await assert.rejects(net.waitReady({ signal: AbortSignal.timeout(10_000) }), (err: unknown) => {
      assert.ok(err instanceof FailedError);
      assert.match(String(err.reason), /private key in a label.*create it again/);
      return true;
    });
    await assert.rejects(a.createNode({ name: "joiner", network: name, image }), ConflictError);
    await net.delete();
    assert.deepEqual(await labelled(docker, { "sei.io/seinetwork": name }), []);
  });

  test("behavior: equal names in two namespaces coexist; pause and disconnect stall heights, unpause and reconnect resume", async () => {
    const started = performance.now();
    const [netA, netB] = await Promise.all([
      a.createNetwork({ name: NAME, validators: 1, image, labels: { team: "sdk" } }),
      b.createNetwork({ name: NAME, chainId: "sei", validators: 1, image, snapshots: { interval: 10 } }),
    ]);
    await Promise.all([netA.waitReady(ready()), netB.waitReady(ready())]);
    console.error(`two 1-validator networks Ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    assert.notEqual(netA.tendermintRpc, netB.tendermintRpc);
    assert.notEqual(netA.testAccount?.privateKey, netB.testAccount?.privateKey);
    const names = (await docker.listContainers({ filters: { label: [`sei.io/seinetwork=${NAME}`] } }))
      .flatMap((c) => c.Names)
      .sort();
    assert.deepEqual(names, [
      `/seinet-${nsA}-${NAME}-0`,
      `/seinet-${nsA}-${NAME}-sentry`,
      `/seinet-${nsB}-${NAME}-0`,
      `/seinet-${nsB}-${NAME}-sentry`,
    ]);

    // Labels on every resource; get* reads it back from another client.
    const validator = await a.getNode(`${NAME}-0`);
    const labels = (validator.object() as Docker.ContainerInspectInfo).Config.Labels;
    assert.equal(labels["sei.io/seinetwork"], NAME);
    assert.equal(labels["sei.io/role"], "validator");
    assert.equal(labels["app.kubernetes.io/managed-by"], "seinet");
    assert.equal(labels["sei.io/namespace"], nsA);
    assert.equal(labels.team, "sdk");
    assert.match(labels["sei.io/run"] ?? "", /^[0-9a-f]+$/);
    const other = await open("docker", { namespace: nsA });
    assert.equal((await other.getNetwork(NAME)).tendermintRpc, netA.tendermintRpc);
    // The test account: read back whole from a file only seid's user may read, never from a label.
    assert.deepEqual((await other.getNetwork(NAME)).testAccount, netA.testAccount);
    const key = (netA.testAccount?.privateKey ?? "").replace(/^0x/, "");
    assert.ok(key.length === 64, "a test account");
    const dockerNet = (await docker.listNetworks()).find((n) => n.Name === `seinet-${nsA}-${NAME}`);
    assert.ok(dockerNet, "the network's Docker network");
    assert.doesNotMatch(
      JSON.stringify(await docker.getNetwork(dockerNet.Id).inspect()),
      new RegExp(key, "i"),
    );
    assert.doesNotMatch(JSON.stringify(validator.object()), new RegExp(key, "i"));
    assert.equal(await fileMode(validator.object() as Docker.ContainerInspectInfo, TEST_ACCOUNT_PATH), 0o600);
    assert.deepEqual(
      (await other.listNodes({ network: NAME })).map((n) => n.name),
      [`${NAME}-0`, `${NAME}-sentry`],
    );
    assert.equal(netA.chainId, NAME);
    assert.equal((await b.getNetwork(NAME)).chainId, "sei", "the chain id is read back from the engine");

    // seid in the node's container: its client config points at this node, its
    // keyring holds the validator's key and (recovered by stdin) the test account,
    // which then delegates; the default staking params let it.
    assert.ok(validator.seid, "docker nodes run seid");
    const status = await validator.seid(["status"]);
    assert.equal(status.exitCode, 0, status.stderr);
    assert.equal((JSON.parse(status.stdout) as { NodeInfo: { network: string } }).NodeInfo.network, NAME);
    const keys = await validator.seid(["keys", "list", "--output", "json"]);
    assert.deepEqual((JSON.parse(keys.stdout) as { name: string }[]).map((k) => k.name).sort(), [
      "test-account",
      `${NAME}-0`,
    ]);
    const operator = (
      await validator.seid(["keys", "show", `${NAME}-0`, "--bech", "val", "-a"])
    ).stdout.trim();
    const delegate = await validator.seid([
      ...["tx", "staking", "delegate", operator, "1000000usei", "--from", "test-account"],
      ...["--fees", "20000usei", "-b", "block", "-y", "--output", "json"],
    ]);
    assert.equal(delegate.exitCode, 0, delegate.stderr);
    assert.equal((JSON.parse(delegate.stdout) as { code: number }).code, 0, delegate.stdout);
    const sentryB = await b.getNode(`${NAME}-sentry`);
    const statusB = await sentryB.seid?.(["status"]);
    assert.equal(
      (JSON.parse(statusB?.stdout ?? "{}") as { NodeInfo: { network: string } }).NodeInfo.network,
      "sei",
    );

    // logs: the tail, then new lines as seid writes them, until the signal aborts.
    const stop = new AbortController();
    const followed: string[] = [];
    const signal = AbortSignal.any([stop.signal, AbortSignal.timeout(15_000)]);
    for await (const line of validator.logs({ tail: 2, follow: true, signal })) {
      followed.push(line);
      if (followed.length >= 6) stop.abort();
    }
    assert.ok(followed.length >= 6, `followed ${followed.length} lines`);
    assert.ok(stop.signal.aborted, "new lines kept coming until the abort");

    // Pause the lone validator: no more blocks (seen from its sentry, which
    // keeps answering); unpause: they come again.
    const sentry = (await a.getNode(`${NAME}-sentry`)).tendermintRpc as string;
    const before = await latestHeight(sentry);
    await validator.pause?.();
    assert.equal((await a.getNode(`${NAME}-0`)).phase, "Running");
    await delay(1_500);
    const paused = await latestHeight(sentry);
    await delay(2_000);
    assert.equal(await latestHeight(sentry), paused, "no block while the validator is paused");
    await validator.unpause?.();
    const deadline = Date.now() + 30_000;
    let after = await latestHeight(sentry);
    while (after <= paused + 2 && Date.now() < deadline) {
      await delay(250);
      after = await latestHeight(sentry);
    }
    assert.ok(after > paused + 2, `heights resume (${before} → ${paused} → ${after})`);

    // Disconnect the validator from the Docker network: the sentry gets no more
    // blocks (the validator's published ports go with it); reconnect: it catches up.
    await validator.disconnect?.();
    assert.equal(validator.tendermintRpc, undefined, "no published port while disconnected");
    await delay(1_000);
    const cut = await latestHeight(sentry);
    await delay(2_000);
    assert.equal(await latestHeight(sentry), cut, "no block reaches the sentry while disconnected");
    await validator.reconnect?.();
    assert.ok(validator.tendermintRpc, "published again after reconnect");
    const back = Date.now() + 30_000;
    let caught = await latestHeight(sentry);
    while (caught <= cut + 2 && Date.now() < back) {
      await delay(250);
      caught = await latestHeight(sentry);
    }
    assert.ok(caught > cut + 2, `the sentry follows again (${cut} → ${caught})`);

    // Deleting one namespace's network leaves the other's alone, and nothing of its own.
    await netA.delete();
    await netA.delete();
    assert.deepEqual(await leftAfter(10_000, { "sei.io/seinetwork": NAME, "sei.io/namespace": nsA }), []);
    await netB.refresh();
    assert.equal(netB.phase, "Ready");
    // netB asked for snapshots every 10 blocks: its validator has taken some by now.
    const validatorB = (await b.getNode(`${NAME}-0`)).object() as { Id: string };
    const heights = await containerSnapshotHeights(validatorB.Id);
    assert.ok(
      heights.length > 0 && heights.every((h) => h % 10 === 0),
      `snapshot heights ${heights.join(", ")}`,
    );
    await netB.delete();
    assert.deepEqual(await leftAfter(10_000, { "sei.io/seinetwork": NAME }), []);
  });

  test("error: a container killed from outside is Failed with its log tail; a pending waitReady rejects", async () => {
    const net = await b.createNetwork({ name: "kill", validators: 1, image });
    await net.waitReady(ready());
    const node = await b.createNode({ name: "kill-rpc", network: "kill" });
    const waiting = node.waitReady(ready()).then(
      () => undefined,
      (err: unknown) => err,
    );
    // Let seid write its first lines (so there is a tail), then kill it while it starts up.
    const until = Date.now() + 30_000;
    for (;;) {
      const lines: string[] = [];
      for await (const line of node.logs({ tail: 5 })) lines.push(line);
      if (lines.length > 0 || Date.now() > until) break;
      await delay(100);
    }
    await docker.getContainer(`seinet-${nsB}-kill-rpc`).kill();
    const killedAt = performance.now();
    const err = await waiting;
    const afterMs = performance.now() - killedAt;
    console.error(
      `waitReady after the kill: ${err === undefined ? "had resolved" : `rejected in ${afterMs.toFixed(0)} ms`}`,
    );
    if (err === undefined) {
      // The node was serving before the kill landed: the phase must still say Failed.
      await node.refresh();
    } else {
      assert.ok(err instanceof FailedError, String(err));
      assert.ok(afterMs < 5_000, `rejected ${afterMs.toFixed(0)} ms after the kill`);
      assert.equal(err.exitCode, 137);
      assert.ok(err.logTail && err.logTail.length > 0, "carries the log tail");
    }
    await node.refresh();
    assert.equal(node.phase, "Failed");
    const again = await b.getNode("kill-rpc");
    assert.equal(again.phase, "Failed");
    await assert.rejects(net.delete(), /still has followers/);
    await net.delete({ cascade: true });
    assert.deepEqual(await labelled(docker, { "sei.io/seinetwork": "kill" }), []);
  });
});
