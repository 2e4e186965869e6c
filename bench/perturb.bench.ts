// Perturbations per mode: how long a node takes to catch up after it was out
// for OUT_MS (paused, disconnected, or killed and restarted), and the block
// time of a 4-validator chain with all four up and with one of them out.
//
//   npm run bench:perturb                    (local and docker; ROUNDS=1, OUT_MS=10000)
//   MODES=local npm run bench:perturb
//   MODES=local,local-direct npm run bench:perturb   (local-direct: no relay, block time only)
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { type Client, type Node, open, waitChainAdvances, waitRecovered } from "../src/index.js";
import { ensureDockerEngine } from "../test/docker/engine.js";
import { testImage } from "../test/docker/seidImage.js";
import { testSeid } from "../test/local/seid.js";

const ROUNDS = Number(process.env.ROUNDS ?? 1);
const OUT_MS = Number(process.env.OUT_MS ?? 10_000);
const BLOCKS = Number(process.env.BLOCKS ?? 20);
const MODES = (process.env.MODES ?? "local,docker").split(",");

type Verb = "pause" | "disconnect" | "kill";
const UNDO = { pause: "unpause", disconnect: "reconnect", kill: "restart" } as const;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

interface Figures {
  blockMs: { allUp: number[]; paused: number[]; disconnected: number[] };
  recoverMs: Record<Verb, number[]>;
}

async function round(
  client: Client,
  name: string,
  image: string | undefined,
  out: Figures,
  verbs: readonly Verb[],
) {
  const net = await client.createNetwork({ name, validators: 4, ...(image ? { image } : {}) });
  try {
    const signal = () => AbortSignal.timeout(300_000);
    await net.waitReady({ signal: signal() });
    const nodes: Node[] = await Promise.all(net.validators.map((v) => client.getNode(v)));
    const target = nodes[3] as Node;
    const others = nodes.slice(0, 3).map((n) => n.tendermintRpc as string);
    // Let the fresh chain settle before measuring.
    await waitChainAdvances(others, { blocks: 5, signal: signal() });
    out.blockMs.allUp.push(
      (await waitChainAdvances(others, { blocks: BLOCKS, signal: signal() })).msPerBlock,
    );
    for (const verb of verbs) {
      await target[verb]!({ signal: signal() });
      const t0 = performance.now();
      if (verb !== "kill") {
        const { msPerBlock } = await waitChainAdvances(others, {
          blocks: BLOCKS,
          withNodesDown: [target.name],
          signal: signal(),
        });
        out.blockMs[verb === "pause" ? "paused" : "disconnected"].push(msPerBlock);
      }
      const left = OUT_MS - (performance.now() - t0);
      if (left > 0) await delay(left);
      const t1 = performance.now();
      await target[UNDO[verb]]!({ signal: signal() });
      await waitRecovered(target, {
        reference: others,
        lag: 1,
        interval: 100,
        signal: signal(),
        timeout: 300_000,
      });
      out.recoverMs[verb].push(performance.now() - t1);
    }
  } finally {
    await net.delete({ cascade: true });
  }
}

const results: Record<string, Figures> = {};
for (const mode of MODES) {
  let image: string | undefined;
  let engine: { stop(): Promise<void> } | undefined;
  const stateDir = await mkdtemp(join(tmpdir(), `seinet-bench-perturb-${mode}-`));
  // local-direct: the local mode with its P2P relay off, for what the relay costs.
  const relaySetting = process.env.SEINET_TOXIPROXY;
  if (mode === "local-direct") process.env.SEINET_TOXIPROXY = "off";
  if (mode.startsWith("local")) await testSeid();
  else {
    engine = await ensureDockerEngine((line) => console.error(line));
    image = await testImage();
  }
  const local = mode.startsWith("local");
  const client = await open(
    local ? "local" : mode,
    local ? { stateDir } : { namespace: "bench-perturb", stateDir },
  );
  const figures: Figures = {
    blockMs: { allUp: [], paused: [], disconnected: [] },
    recoverMs: { pause: [], disconnect: [], kill: [] },
  };
  try {
    for (let r = 0; r < ROUNDS; r++) {
      const verbs: Verb[] = mode === "local-direct" ? [] : ["pause", "disconnect", "kill"];
      await round(client, `bp${process.pid % 1000}-${mode[0]}${r}`, image, figures, verbs);
      console.error(`${mode} round ${r + 1}/${ROUNDS}:`, JSON.stringify(figures));
    }
  } finally {
    await client.close();
    await rm(stateDir, { recursive: true, force: true });
    await engine?.stop();
    if (relaySetting === undefined) Reflect.deleteProperty(process.env, "SEINET_TOXIPROXY");
    else process.env.SEINET_TOXIPROXY = relaySetting;
  }
  results[mode] = figures;
}

const ms = (xs: number[]) => (xs.length ? `${Math.round(median(xs))} ms` : "-");
console.log(`Perturbations: 4 validators, node out ${OUT_MS / 1000} s, ${ROUNDS} round(s), medians\n`);
console.log("| mode | block time, all up | one of four paused | one of four disconnected |");
console.log("| --- | --- | --- | --- |");
for (const [mode, f] of Object.entries(results)) {
  console.log(
    `| ${mode} | ${ms(f.blockMs.allUp)} | ${ms(f.blockMs.paused)} | ${ms(f.blockMs.disconnected)} |`,
  );
}
console.log("\n| mode | caught up after unpause | after reconnect | after restart (killed) |");
console.log("| --- | --- | --- | --- |");
for (const [mode, f] of Object.entries(results)) {
  console.log(
    `| ${mode} | ${ms(f.recoverMs.pause)} | ${ms(f.recoverMs.disconnect)} | ${ms(f.recoverMs.kill)} |`,
  );
}
