// The seinet CLI in the docker mode, end to end against a real Docker engine
// and real seid: `up --mode docker` builds (or reuses) the seid image from the
// installed seid and starts the network as containers; `status`, `logs` and
// `down` find it through the engine; `upgrade` swaps images through gov;
// nothing labelled is left behind.
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import Docker from "dockerode";
import { type DockerEngine, ensureDockerEngine } from "../docker/engine.js";
import { labelled } from "../docker/leftovers.js";
import { testImage } from "../docker/seidImage.js";
import { testSeid } from "../local/seid.js";
import { cli, cliEnv } from "./cliProcess.js";

const namespace = `clidocker-${process.pid}`;
const NAME = "dnet";
let engine: DockerEngine | undefined;
let root = "";
let env: NodeJS.ProcessEnv = {};
const docker = new Docker();

interface UpDoc {
  network: { name: string; phase: string; validators: number; followers: number; seidVersion: string | null };
  nodes: {
    name: string;
    role: string;
    phase: string;
    image: string | null;
    endpoints: { evmRpc: string | null };
  }[];
}

describe("seinet CLI in the docker mode (real Docker engine)", { timeout: 10 * 60_000 }, () => {
  before(async () => {
    engine = await ensureDockerEngine((line) => console.error(line));
    await testSeid();
    root = await mkdtemp(join(tmpdir(), "seinet-cli-docker-"));
    env = cliEnv(join(root, "state"));
  });

  after(async () => {
    await cli(["down", "--mode", "docker", "--namespace", namespace, "--all"], env).catch(() => undefined);
    await rm(root, { recursive: true, force: true });
    await engine?.stop();
  });

  test("default: up --mode docker, status, logs and down through the engine", async () => {
    const up = await cli(
      ["up", "--mode", "docker", "--namespace", namespace, "--name", NAME, "--json", "--timeout", "4m"],
      env,
      300_000,
    );
    assert.equal(up.code, 0, up.stderr);
    const doc = JSON.parse(up.stdout) as UpDoc;
    assert.equal(doc.network.phase, "Ready");
    assert.equal(doc.network.validators, 1);
    assert.equal(doc.network.followers, 1);
    assert.equal(doc.network.seidVersion, "v6.6.2");
    const roles = doc.nodes.map((n) => `${n.name}:${n.role}`).sort();
    assert.deepEqual(roles, [`${NAME}-0:validator`, `${NAME}-rpc-0:follower`, `${NAME}-sentry:sentry`]);
    for (const node of doc.nodes) assert.match(node.image ?? "", /^seinet\/seid:v6\.6\.2-/, node.name);
    const follower = doc.nodes.find((n) => n.role === "follower");
    const evm = await fetch(follower?.endpoints.evmRpc as string, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(10_000),
    });
    assert.equal(((await evm.json()) as { result: string }).result, "0xae3f2");

    // Another process finds it in the engine; the local mode does not know it.
    const status = await cli(["status", NAME, "--mode", "docker", "--namespace", namespace, "--json"], env);
    assert.equal(status.code, 0, status.stderr);
    assert.equal((JSON.parse(status.stdout) as UpDoc).nodes.length, 3);
    const local = await cli(["status", NAME, "--namespace", namespace], env);
    assert.equal(local.code, 1, "a docker network is not a local one");
    const ls = await cli(["ls", "--namespace", namespace], { ...env, SEINET_MODE: "docker" });
    assert.equal(ls.code, 0, ls.stderr);
    assert.match(ls.stdout, new RegExp(`${NAME}\\s`));

    const logs = await cli(
      ["logs", `${NAME}-0`, "--mode", "docker", "--namespace", namespace, "--tail", "5"],
      env,
    );
    assert.equal(logs.code, 0, logs.stderr);
    assert.equal(logs.stdout.trim().split("\n").length, 5);

    const down = await cli(["down", NAME, "--mode", "docker", "--namespace", namespace, "--json"], env);
    assert.equal(down.code, 0, down.stderr);
    assert.deepEqual(await labelled(docker, { "sei.io/namespace": namespace }), []);
  });

  test("default: upgrade --mode docker --to IMAGE rehearses v6.5.2 → v6.6.2 on 1 validator + 1 follower", async () => {
    const [oldImage, newImage] = await Promise.all([testImage("v6.5.2"), testImage("v6.6.2")]);
    const name = "dupg";
    const up = await cli(
      ["up", "--mode", "docker", "--image", oldImage, "--namespace", namespace, "--name", name, "--json"],
      env,
      300_000,
    );
    assert.equal(up.code, 0, up.stderr);
    assert.equal((JSON.parse(up.stdout) as UpDoc).network.seidVersion, "v6.5.2");
    // The upgrade name comes from the image's tag (v6.6.2-<hash> → v6.6).
    const upgrade = await cli(
      ["upgrade", name, "--mode", "docker", "--to", newImage, "--namespace", namespace, "--json"],
      env,
      300_000,
    );
    assert.equal(upgrade.code, 0, upgrade.stderr);
    const doc = JSON.parse(upgrade.stdout) as {
      upgradeName: string;
      height: number;
      nodes: { name: string; role: string; from: string; applied: string; height: number }[];
    };
    assert.equal(doc.upgradeName, "v6.6");
    assert.deepEqual(doc.nodes.map((n) => [n.name, n.from, n.applied]).sort(), [
      [`${name}-0`, "v6.5.2", newImage],
      [`${name}-rpc-0`, "v6.5.2", newImage],
      [`${name}-sentry`, "v6.5.2", newImage],
    ]);
    for (const node of doc.nodes)
      assert.ok(node.height >= doc.height + 2, `${node.name} passed ${doc.height}`);
    const status = await cli(["status", name, "--mode", "docker", "--namespace", namespace, "--json"], env);
    assert.equal((JSON.parse(status.stdout) as UpDoc).network.seidVersion, "v6.6.2");
    // The same image again is refused before anything is proposed.
    const again = await cli(
      ["upgrade", name, "--mode", "docker", "--to", newImage, "--namespace", namespace],
      env,
      120_000,
    );
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already runs seid v6\.6\.2/);
    const down = await cli(["down", name, "--mode", "docker", "--namespace", namespace], env);
    assert.equal(down.code, 0, down.stderr);
  });

  test("error: a mode other than local or docker, and --image without the docker mode, exit 2 and make nothing", async () => {
    const mode = await cli(["up", "--mode", "k8s", "--namespace", namespace], env);
    assert.equal(mode.code, 2);
    assert.match(mode.stderr, /`--mode` to be "local" or "docker", got "k8s"/);
    const image = await cli(["up", "--image", "seinet/seid:x", "--namespace", namespace], env);
    assert.equal(image.code, 2);
    assert.match(image.stderr, /`--image` applies to `--mode docker`/);
    const env2 = await cli(["ls"], { ...env, SEINET_MODE: "kind" });
    assert.equal(env2.code, 2);
    assert.match(env2.stderr, /\$SEINET_MODE to be "local" or "docker", got "kind"/);
    assert.deepEqual(await labelled(docker, { "sei.io/namespace": namespace }), []);
  });
});
