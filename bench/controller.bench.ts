// Networks under the real sei-k8s-controller, against the local mode's same
// topology in the same run: `createNetwork` → `waitReady` (a first block) for
// 1 and 4 validators, and the API requests one `waitReady` costs. The k8s side
// runs in the real-controller environment (test/kube/controllerEnv.ts: the
// controller, kube-controller-manager, kube-scheduler, KWOK, the pod runner's
// real sidecars and seids), reached from here through `forward()`, as a
// harness outside the cluster would. Rounds interleave the two modes.
//
//   npm run bench:controller          (ROUNDS=2 by default)
//   ROUNDS=1 npm run bench:controller
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "../src/client/client.js";
import { ensureSeid, isNotFound, open } from "../src/index.js";
import { K8sProvider } from "../src/providers/k8s/provider.js";
import { ensureNamespace } from "../test/kube/cluster.js";
import { startControllerEnv } from "../test/kube/controllerEnv.js";
import { seidEnv } from "../test/local/seid.js";

const ROUNDS = Number(process.env.ROUNDS ?? 2);
const TOPOLOGIES = [1, 4] as const;
const NAMESPACE = "bench";
const IMAGE = "ghcr.io/sei-protocol/sei:v6.3.0";
const STEP_MS = 180_000;

interface Sample {
  readyMs: number;
  /** Requests the k8s `waitReady` sent to the API server (k8s only). */
  requests?: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function poll<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = performance.now() + STEP_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

await ensureSeid({ env: seidEnv(), signal: AbortSignal.timeout(300_000) });
const envStarted = performance.now();
const env = await startControllerEnv();
const envMs = performance.now() - envStarted;
const stateDir = await mkdtemp(join(tmpdir(), "seinet-bench-controller-"));
const kc = env.cluster.kubeConfig();
await ensureNamespace(kc, NAMESPACE);
const provider = new K8sProvider(kc, NAMESPACE);
const k8s = new Client(provider);
const local = await open("local", { stateDir });

async function k8sRun(name: string, validators: number): Promise<Sample> {
  const t0 = performance.now();
  const net = await k8s.createNetwork({ name, validators, image: IMAGE });
  // forward() opens as soon as the network publishes its endpoints; its
  // connections reach a pod once one is ready.
  await poll(`${name}'s endpoints`, async () => {
    await net.refresh();
    return net.tendermintRpc;
  });
  const forwarded = await net.forward({ signal: AbortSignal.timeout(30_000) });
  const before = provider.api.requests;
  await net.waitReady({ signal: AbortSignal.timeout(STEP_MS) });
  const sample = { readyMs: performance.now() - t0, requests: provider.api.requests - before };
  await forwarded.close();
  await net.delete();
  await poll(`${name} gone`, () =>
    k8s.getNetwork(name).then(
      () => undefined,
      (err: unknown) => {
        if (isNotFound(err)) return true;
        throw err;
      },
    ),
  );
  await poll(`${name}'s pods stopped`, async () =>
    env.pods.pods().some((p) => p.name.startsWith(`${name}-`)) ? undefined : true,
  );
  return sample;
}

async function localRun(name: string, validators: number): Promise<Sample> {
  const t0 = performance.now();
  const net = await local.createNetwork({ name, validators });
  await net.waitReady({ signal: AbortSignal.timeout(STEP_MS) });
  const sample = { readyMs: performance.now() - t0 };
  await net.delete({ cascade: true });
  return sample;
}

const samples = new Map<string, Sample[]>();
const record = (key: string, s: Sample) => samples.set(key, [...(samples.get(key) ?? []), s]);
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const validators of TOPOLOGIES) {
      const k = await k8sRun(`k8s-${validators}v-${round}`, validators);
      record(`k8s-${validators}`, k);
      const l = await localRun(`local-${validators}v-${round}`, validators);
      record(`local-${validators}`, l);
      console.error(
        `round ${round + 1}/${ROUNDS}, ${validators} validator(s): real controller ${(k.readyMs / 1000).toFixed(1)} s (${k.requests} API requests in waitReady), local ${(l.readyMs / 1000).toFixed(1)} s`,
      );
    }
  }
} finally {
  await local.close();
  await k8s.close();
  await env.stop();
  await rm(stateDir, { recursive: true, force: true });
}

const rows = TOPOLOGIES.map((validators) => {
  const k = samples.get(`k8s-${validators}`) ?? [];
  const l = samples.get(`local-${validators}`) ?? [];
  const k8sMs = median(k.map((s) => s.readyMs));
  const localMs = median(l.map((s) => s.readyMs));
  return {
    validators,
    realControllerReadyMs: Math.round(k8sMs),
    localReadyMs: Math.round(localMs),
    ratio: Number((k8sMs / localMs).toFixed(1)),
    waitReadyRequests: median(k.map((s) => s.requests ?? 0)),
  };
});
console.log(
  [
    `createNetwork → waitReady (first block), median of ${ROUNDS} round(s); environment startup ${(envMs / 1000).toFixed(1)} s`,
    "",
    "| validators | real controller | local mode (baseline) | controller / local | API requests per waitReady |",
    "| ---------- | --------------- | --------------------- | ------------------ | -------------------------- |",
    ...rows.map(
      (r) =>
        `| ${r.validators} | ${(r.realControllerReadyMs / 1000).toFixed(1)} s | ${(r.localReadyMs / 1000).toFixed(1)} s | ${r.ratio}x | ${r.waitReadyRequests} |`,
    ),
  ].join("\n"),
);
await mkdir(new URL("./results/", import.meta.url), { recursive: true });
await writeFile(
  new URL("./results/controller.json", import.meta.url),
  `${JSON.stringify({ rounds: ROUNDS, environmentStartupMs: Math.round(envMs), rows, at: new Date().toISOString() }, null, 2)}\n`,
);
