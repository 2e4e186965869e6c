// Warm networks against a fresh genesis, in one run on one machine (local
// and docker modes): time to "every follower caught up" for a fresh network,
// a clone of a warm template and a restore of a checkpoint; plus what a
// checkpoint costs (time, nodes stopped, bytes on disk).
//
//   npm run bench:warm   (ROUNDS=1 by default; TOPOLOGIES=1,4 validators; MODES=local,docker)
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Client, type Network, open, waitCaughtUp } from "../src/index.js";
import { ensureDockerEngine } from "../test/docker/engine.js";
import { testImage } from "../test/docker/seidImage.js";
import { testSeid } from "../test/local/seid.js";

const ROUNDS = Number(process.env.ROUNDS ?? 1);
const VALIDATORS = (process.env.TOPOLOGIES ?? "1,4").split(",").map(Number);
const MODES = (process.env.MODES ?? "local,docker").split(",");
/** docker: the image every network runs (set once the engine is up). */
let image: string | undefined;
const wait = () => ({ signal: AbortSignal.timeout(300_000) });

type Row = Record<string, number>;

/** A network and one follower, until the follower has caught up: what `seinet up` waits for. */
async function upEquivalent(client: Client, name: string, validators: number, template: "fresh" | "reuse") {
  const t0 = performance.now();
  const net = await client.createNetwork(
    { name, chainId: `warm-${validators}`, validators, ...(image ? { image } : {}) },
    { ...wait(), template },
  );
  const created = performance.now();
  const follower = await client.createNode({ name: `${name}-rpc`, network: name }, wait());
  await net.waitReady(wait());
  await follower.waitReady(wait());
  await waitCaughtUp(follower.tendermintRpc as string, { ...wait(), interval: 100 });
  const t1 = performance.now();
  return { net, createMs: created - t0, upMs: t1 - t0 };
}

async function round(client: Client, validators: number, i: number): Promise<Row> {
  const tag = `w${validators}v${i}`;
  // Keeps the template (not timed as a clone: it is a fresh network plus a checkpoint).
  const seed = await upEquivalent(client, `${tag}-seed`, validators, "reuse");
  await seed.net.delete({ cascade: true });
  const fresh = await upEquivalent(client, `${tag}-fresh`, validators, "fresh");
  await fresh.net.delete({ cascade: true });
  const clone = await upEquivalent(client, `${tag}-clone`, validators, "reuse");
  const net: Network = clone.net;
  let t = performance.now();
  const cp = await (net.checkpoint as NonNullable<Network["checkpoint"]>)({ name: "bench", ...wait() });
  const checkpointMs = performance.now() - t;
  t = performance.now();
  await (net.restore as NonNullable<Network["restore"]>)("bench", wait());
  const restoreMs = performance.now() - t;
  await net.delete({ cascade: true });
  return {
    freshUpMs: fresh.upMs,
    freshCreateMs: fresh.createMs,
    cloneUpMs: clone.upMs,
    cloneCreateMs: clone.createMs,
    seedUpMs: seed.upMs,
    checkpointMs,
    stoppedMs: cp.copyMs,
    checkpointMiB: cp.bytes / 2 ** 20,
    restoreMs,
  };
}

async function bench(mode: string): Promise<void> {
  const stateDir = await mkdtemp(join(tmpdir(), "seinet-bench-warm-"));
  const templateDir = await mkdtemp(join(tmpdir(), "seinet-bench-warm-templates-"));
  const client = await open(mode, { stateDir, templateDir, namespace: "bench-warm" });
  try {
    for (const validators of VALIDATORS) {
      for (let i = 0; i < ROUNDS; i++) {
        const r = await round(client, validators, i);
        const f = (x: number | undefined) => Math.round(x ?? 0);
        console.log(
          `${mode}: ${validators} validator(s)${validators === 1 ? " + sentry" : ""} + 1 follower, round ${i + 1}: ` +
            `fresh up ${f(r.freshUpMs)} ms (create ${f(r.freshCreateMs)}), ` +
            `template clone up ${f(r.cloneUpMs)} ms (create ${f(r.cloneCreateMs)}), ` +
            `restore ${f(r.restoreMs)} ms; ratios fresh/clone ${((r.freshUpMs ?? 0) / (r.cloneUpMs ?? 1)).toFixed(1)}x, ` +
            `fresh/restore ${((r.freshUpMs ?? 0) / (r.restoreMs ?? 1)).toFixed(1)}x; ` +
            `checkpoint ${f(r.checkpointMs)} ms (nodes stopped ${f(r.stoppedMs)} ms, ${(r.checkpointMiB ?? 0).toFixed(1)} MiB on disk); ` +
            `first up that keeps the template ${f(r.seedUpMs)} ms`,
        );
      }
    }
  } finally {
    for (const net of await client.listNetworks({ allNamespaces: true })) await net.delete({ cascade: true });
    await client.close();
    await rm(stateDir, { recursive: true, force: true });
    await rm(templateDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await testSeid();
  for (const mode of MODES) {
    if (mode === "docker") {
      const engine = await ensureDockerEngine();
      image = await testImage();
      try {
        await bench(mode);
      } finally {
        image = undefined;
        await engine.stop();
      }
    } else await bench(mode);
  }
}

await main();
