// The conformance suite in docker mode: every node a container of a seid image
// built from the shared v6.6.2 bundle, on a real Docker engine.
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import Docker from "dockerode";
import { open } from "../../src/index.js";
import { type DockerEngine, ensureDockerEngine } from "../docker/engine.js";
import { labelled } from "../docker/leftovers.js";
import { testImage } from "../docker/seidImage.js";
import { conformance } from "./suite.js";

const namespace = `conf-${process.pid}`;
let engine: DockerEngine | undefined;
let image = "";
let stateDir = "";

before(async () => {
  engine = await ensureDockerEngine((line) => console.error(line));
  image = await testImage();
  stateDir = await mkdtemp(join(tmpdir(), "seinet-conformance-docker-"));
});

after(async () => {
  if (image) {
    const client = await open("docker", { namespace, stateDir });
    for (const net of await client.listNetworks()) await net.delete({ cascade: true });
    assert.deepEqual(await labelled(new Docker(), { "sei.io/namespace": namespace }), [], "nothing left");
  }
  if (stateDir) await rm(stateDir, { recursive: true, force: true });
  await engine?.stop();
});

conformance({
  mode: "docker",
  // Task records in a directory of this run, removed with it.
  open: () => open("docker", { namespace, stateDir }),
  // A getter: the image is built in `before`, after the suite is registered.
  networkExtras: {
    get image() {
      return image;
    },
  },
  tasks: true,
  runtimeVerbs: true,
  perturb: { verbs: ["pause", "disconnect", "kill"] },
  readyTimeoutMs: 120_000,
});
