// The upgrade rehearsal by phase (v6.5.2 → v6.6.2 through gov, "v6.6"), on
// 1 validator + 1 follower and on 4 validators, wall time from an empty state
// dir to every node making blocks on the new binary.
//
//   npm run bench:upgrade            (ROUNDS=1 by default)
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installSeid, open, upgradeNetwork, waitEvmServing } from "../src/index.js";
import { sharedBundle, testSeid } from "../test/local/seid.js";

const ROUNDS = Number(process.env.ROUNDS ?? 1);
const TOPOLOGIES = [
  { validators: 1, followers: 1 },
  { validators: 4, followers: 0 },
] as const;

await testSeid();
const old = sharedBundle("v6.5.2");
if (!old) throw new Error("the v6.5.2 bundle is not in ../shared/seid/");
await installSeid({ from: old, signal: AbortSignal.timeout(300_000) });

const scratch = await mkdtemp(join(tmpdir(), "seinet-bench-upgrade-"));
const rows: Record<string, number | string>[] = [];
try {
  for (const { validators, followers } of TOPOLOGIES) {
    for (let round = 0; round < ROUNDS; round++) {
      const client = await open("local", { stateDir: join(scratch, "state") });
      const name = `bench-up-${validators}v${followers}f`;
      const t0 = performance.now();
      const net = await client.createNetwork({ name, validators, binary: "v6.5.2" });
      const signal = AbortSignal.timeout(600_000);
      let tReady: number;
      let tDone: number;
      let report: Awaited<ReturnType<typeof upgradeNetwork>>;
      try {
        await net.waitReady({ signal });
        for (let i = 0; i < followers; i++) {
          const node = await client.createNode({ name: `${name}-rpc-${i}`, network: name });
          await node.waitReady({ signal });
          await waitEvmServing(node.evmRpc!, { signal });
        }
        tReady = performance.now();
        report = await upgradeNetwork(client, {
          network: name,
          to: "v6.6.2",
          name: "v6.6",
          signal,
          onProgress: (line) => console.error(`  ${((performance.now() - t0) / 1000).toFixed(1)}s ${line}`),
        });
        tDone = performance.now();
      } finally {
        await net.delete({ cascade: true });
        await client.close();
      }
      const row = {
        topology: `${validators}+${followers}`,
        upMs: Math.round(tReady - t0),
        ...report.timings,
        rehearsalMs: Math.round(tDone - tReady),
        wallMs: Math.round(tDone - t0),
      };
      rows.push(row);
      console.error(JSON.stringify(row));
    }
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}

const cols = [
  "topology",
  "upMs",
  "proposeMs",
  "voteMs",
  "haltMs",
  "swapMs",
  "resumeMs",
  "rehearsalMs",
  "wallMs",
];
console.log(
  [
    `| ${cols.join(" | ")} |`,
    `| ${cols.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${cols.map((c) => r[c]).join(" | ")} |`),
  ].join("\n"),
);
await mkdir(join(import.meta.dirname, "results"), { recursive: true });
await writeFile(
  join(import.meta.dirname, "results", "upgrade.json"),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), rows }, null, 2)}\n`,
);
