// Time to a usable local network: seinet's local mode against the shell
// baseline (bench/baseline.sh), same machine, same seid, interleaved rounds.
// Measured from the first step to "every follower caught up and serving EVM",
// by phase, for 1 validator + 1 follower and 4 validators + 2 followers; plus
// seinet's delete.
//
//   npm run bench:local            (ROUNDS=3 by default)
//   ROUNDS=1 npm run bench:local
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureSeid, open, waitCaughtUp, waitEvmServing } from "../src/index.js";
import { seidEnv } from "../test/local/seid.js";

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const TOPOLOGIES = [
  { validators: 1, followers: 1 },
  { validators: 4, followers: 2 },
] as const;

type Phases = Record<string, number>;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function seinetRun(stateDir: string, validators: number, followers: number): Promise<Phases> {
  const client = await open("local", { stateDir });
  const name = `bench-${validators}v${followers}f`;
  const t0 = performance.now();
  const net = await client.createNetwork({ name, validators });
  const tCeremony = performance.now();
  // Followers can join as soon as the network's processes run; no need to wait for blocks first.
  const nodes = [];
  for (let i = 0; i < followers; i++)
    nodes.push(await client.createNode({ name: `${name}-rpc-${i}`, network: name }));
  const tStarted = performance.now();
  const signal = AbortSignal.timeout(300_000);
  await net.waitReady({ signal });
  const tNetwork = performance.now();
  await Promise.all(
    nodes.map(async (node) => {
      await node.waitReady({ signal });
      await waitCaughtUp(node.tendermintRpc!, { signal, interval: 100 });
      await waitEvmServing(node.evmRpc!, { signal, interval: 100 });
    }),
  );
  const tFollowers = performance.now();
  await net.delete({ cascade: true });
  const tDeleted = performance.now();
  await client.close();
  return {
    ceremonyMs: tCeremony - t0,
    startMs: tStarted - tCeremony,
    networkReadyMs: tNetwork - tStarted,
    followersReadyMs: tFollowers - tNetwork,
    totalMs: tFollowers - t0,
    stopMs: tDeleted - tFollowers,
  };
}

function baselineRun(seid: string, work: string, validators: number, followers: number): Phases {
  const result = spawnSync(
    "bash",
    [join(import.meta.dirname, "baseline.sh"), seid, String(validators), String(followers), work, "21000"],
    {
      encoding: "utf8",
      timeout: 600_000,
    },
  );
  if (result.status !== 0) throw new Error(`baseline failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1) as string) as Phases;
}

const { path: seid } = await ensureSeid({ env: seidEnv(), signal: AbortSignal.timeout(300_000) });
const scratch = await mkdtemp(join(tmpdir(), "seinet-bench-"));
const results: Record<string, { seinet: Phases[]; baseline: Phases[] }> = {};
try {
  for (const { validators, followers } of TOPOLOGIES) {
    const key = `${validators}+${followers}`;
    results[key] = { seinet: [], baseline: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const b = baselineRun(seid, join(scratch, "baseline"), validators, followers);
      const s = await seinetRun(join(scratch, "state"), validators, followers);
      results[key].baseline.push(b);
      results[key].seinet.push(s);
      console.error(
        `${key} round ${round + 1}/${ROUNDS}: seinet ${(s.totalMs! / 1000).toFixed(2)} s, baseline ${(b.totalMs! / 1000).toFixed(2)} s`,
      );
    }
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}

const phases = ["ceremonyMs", "startMs", "networkReadyMs", "followersReadyMs", "totalMs", "stopMs"];
const summary = Object.fromEntries(
  Object.entries(results).map(([key, r]) => [
    key,
    Object.fromEntries(
      ["seinet", "baseline"].map((who) => [
        who,
        Object.fromEntries(
          phases.map((p) => [p, Math.round(median(r[who as "seinet"].map((x) => x[p] as number)))]),
        ),
      ]),
    ),
  ]),
) as Record<string, { seinet: Phases; baseline: Phases }>;

const lines = [
  `local mode vs shell baseline, ${ROUNDS} round(s), medians (ms)`,
  "",
  "| topology | who | ceremony | start | network ready | followers ready | total | stop/delete |",
  "| --- | --- | --- | --- | --- | --- | --- | --- |",
];
for (const [key, s] of Object.entries(summary)) {
  for (const who of ["seinet", "baseline"] as const) {
    const p = s[who];
    lines.push(`| ${key} | ${who} | ${phases.map((k) => p[k]).join(" | ")} |`);
  }
}
const one = summary["1+1"]!;
const four = summary["4+2"]!;
lines.push(
  "",
  `seinet / baseline, total: 1+1 ${(one.seinet.totalMs! / one.baseline.totalMs!).toFixed(2)}x, 4+2 ${(four.seinet.totalMs! / four.baseline.totalMs!).toFixed(2)}x`,
  `seinet 4+2 / 1+1: ${(four.seinet.totalMs! / one.seinet.totalMs!).toFixed(2)}x; delete of 4+2: ${(four.seinet.stopMs! / 1000).toFixed(2)} s`,
);
console.log(lines.join("\n"));
await mkdir(join(import.meta.dirname, "results"), { recursive: true });
await writeFile(
  join(import.meta.dirname, "results", "local-up.json"),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), rounds: ROUNDS, summary, results }, null, 2)}\n`,
);
