// A session network of a process killed with SIGKILL is gone within 10 s in
// the docker mode: no container, volume or Docker network with its session
// label, no port published for it.
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import Docker from "dockerode";
import { LABEL_SESSION } from "../../src/index.js";
import { type DockerEngine, ensureDockerEngine } from "../docker/engine.js";
import { labelled } from "../docker/leftovers.js";
import { testImage } from "../docker/seidImage.js";
import { killAndTime, sessionLeftovers, startHarness } from "./reaper.js";

const BOUND_MS = 10_000;
const docker = new Docker();
const sessionDir = await mkdtemp(join(tmpdir(), "seinet-reaper-sessions-"));
let engine: DockerEngine | undefined;

before(async () => {
  engine = await ensureDockerEngine((line) => console.error(line));
});

after(async () => {
  await engine?.stop();
  await rm(sessionDir, { recursive: true, force: true });
});

test("behavior: kill -9 of a session's owner leaves nothing of its docker network within 10 s", async () => {
  const image = await testImage();
  const { child, made } = startHarness(["docker", `reaped-${process.pid}`, image], {
    SEINET_SESSION_DIR: sessionDir,
  });
  const { session, ports } = await made;
  const label = { [LABEL_SESSION]: session };
  assert.ok((await labelled(docker, label)).length > 0);
  const ms = await killAndTime(
    child,
    async () => [...(await labelled(docker, label)), ...(await sessionLeftovers(ports, sessionDir))],
    BOUND_MS,
  );
  process.stderr.write(`docker reaper: nothing left ${(ms / 1000).toFixed(1)} s after kill -9\n`);
  assert.ok(ms <= BOUND_MS, `took ${ms} ms`);
});
