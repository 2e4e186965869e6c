// The docker mode beside the local mode in one run: time to a usable network
// (every follower caught up and serving EVM) for 1+1 and 4+2, and the seid
// image build cold and cached. Needs a Docker engine (scripts/install-docker.sh).
//
//   npm run bench:docker            (ROUNDS=2 by default)
import { rm } from "node:fs/promises";
import { mkdtemp } from "node:fs/promises";
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Docker from "dockerode";
import { type Client, buildSeidImage, open, waitCaughtUp, waitEvmServing } from "../src/index.js";
import { cacheRoot } from "../src/seid/cacheDir.js";
import { BUNDLE } from "../test/docker/seidImage.js";
import { testSeid } from "../test/local/seid.js";

const ROUNDS = Number(process.env.ROUNDS ?? 2);
const TOPOLOGIES = [
  { validators: 1, followers: 1 },
  { validators: 4, followers: 2 },
] as const;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function timeToReady(
  client: Client,
  name: string,
  validators: number,
  followers: number,
  image?: string,
) {
  const extras = image ? { image } : {};
  const t0 = performance.now();
  const net = await client.createNetwork({ name, validators, ...extras });
  try {
    const nodes = [];
    for (let i = 0; i < followers; i++)
      nodes.push(await client.createNode({ name: `${name}-rpc-${i}`, network: name }));
    const signal = AbortSignal.timeout(300_000);
    await net.waitReady({ signal });
    await Promise.all(
      nodes.map(async (node) => {
        await node.waitReady({ signal });
        await waitCaughtUp(node.tendermintRpc!, { signal, interval: 100 });
        await waitEvmServing(node.evmRpc!, { signal, interval: 100 });
      }),
    );
    return performance.now() - t0;
  } finally {
    await net.delete({ cascade: true });
  }
}

await testSeid();
// Image build: cold (image and bundle memo removed), then cached.
const docker = new Docker();
const first = await buildSeidImage({ from: BUNDLE });
await docker.getImage(first.tag).remove({ force: true });
await rm(join(cacheRoot(), "images"), { recursive: true, force: true });
const cold = await buildSeidImage({ from: BUNDLE });
const cached = await buildSeidImage({ from: BUNDLE });
console.error(
  `image build: cold ${(cold.durationMs / 1000).toFixed(1)} s, cached ${(cached.durationMs / 1000).toFixed(2)} s`,
);

const scratch = await mkdtemp(join(tmpdir(), "seinet-bench-docker-"));
const local = await open("local", { stateDir: scratch });
const dock = await open("docker", { namespace: "bench" });
const rows: { topology: string; localMs: number; dockerMs: number }[] = [];
try {
  for (const { validators, followers } of TOPOLOGIES) {
    const l: number[] = [];
    const d: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const name = `bd-${validators}v${followers}f`;
      l.push(await timeToReady(local, name, validators, followers));
      d.push(await timeToReady(dock, name, validators, followers, cold.tag));
      console.error(
        `${validators}+${followers} round ${round + 1}: local ${(l.at(-1)! / 1000).toFixed(1)} s, docker ${(d.at(-1)! / 1000).toFixed(1)} s`,
      );
    }
    rows.push({
      topology: `${validators}+${followers}`,
      localMs: Math.round(median(l)),
      dockerMs: Math.round(median(d)),
    });
  }
} finally {
  await local.close();
  await dock.close();
  await rm(scratch, { recursive: true, force: true });
}
const lines = [
  `image build: cold ${Math.round(cold.durationMs)} ms, cached ${Math.round(cached.durationMs)} ms`,
  "",
  "| topology | local | docker | docker / local |",
  "| --- | --- | --- | --- |",
  ...rows.map(
    (r) => `| ${r.topology} | ${r.localMs} ms | ${r.dockerMs} ms | ${(r.dockerMs / r.localMs).toFixed(2)}x |`,
  ),
];
console.log(lines.join("\n"));
await mkdir(join(import.meta.dirname, "results"), { recursive: true });
await writeFile(
  join(import.meta.dirname, "results", "docker-up.json"),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), rounds: ROUNDS, cold: cold.durationMs, cached: cached.durationMs, rows }, null, 2)}\n`,
);
