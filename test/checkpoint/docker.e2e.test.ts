// Checkpoint and restore in the docker mode: every node a container of a seid
// image built from the shared v6.6.2 bundle, on a real Docker engine.
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";
import Docker from "dockerode";
import { open } from "../../src/index.js";
import { type DockerEngine, ensureDockerEngine } from "../docker/engine.js";
import { labelled } from "../docker/leftovers.js";
import { testImage } from "../docker/seidImage.js";
import { checkpointSuite } from "./suite.js";

const namespace = `ckpt-${process.pid}`;
let engine: DockerEngine | undefined;
let image = "";
let stateDir = "";

checkpointSuite({
  mode: "docker",
  setup: async () => {
    engine = await ensureDockerEngine((line) => console.error(line));
    image = await testImage();
    stateDir = await mkdtemp(join(tmpdir(), "seinet-checkpoint-docker-"));
  },
  open: () => open("docker", { namespace, stateDir }),
  spec: () => ({ image }),
});

// After the suite's own teardown: nothing of its network may be left.
after(async () => {
  if (image) {
    assert.deepEqual(await labelled(new Docker(), { "sei.io/namespace": namespace }), [], "nothing left");
  }
  if (stateDir) await rm(stateDir, { recursive: true, force: true });
  await engine?.stop();
});
