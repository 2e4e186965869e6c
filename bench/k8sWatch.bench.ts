// Benchmark: what one `waitReady` costs the API server and how fast it reacts.
// seinet waits with list + watch; the baseline is the 1 s poll loop the Go SDK
// used. Same real kube-apiserver, same status change, same run.
//
//   npm run bench:k8s                       # 30 s waits, 3 rounds
//   WAIT_SECONDS=5 ROUNDS=1 npm run bench:k8s
import { mkdir, writeFile } from "node:fs/promises";
import { CustomObjectsApi, type KubeConfig, PatchStrategy, setHeaderOptions } from "@kubernetes/client-node";
import { Client } from "../src/client/client.js";
import { K8sProvider } from "../src/providers/k8s/provider.js";
import { ChainDouble } from "../test/k8s/chainDouble.js";
import { startTestCluster } from "../test/kube/cluster.js";

const WAIT_SECONDS = Number(process.env.WAIT_SECONDS ?? 30);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const POLL_INTERVAL_MS = 1_000;

interface Sample {
  requests: number;
  reactionMs: number;
}

function objects(kc: KubeConfig) {
  return kc.makeApiClient(CustomObjectsApi);
}

async function create(kc: KubeConfig, name: string): Promise<void> {
  await objects(kc).createNamespacedCustomObject({
    group: "sei.io",
    version: "v1alpha1",
    namespace: "default",
    plural: "seinetworks",
    body: {
      apiVersion: "sei.io/v1alpha1",
      kind: "SeiNetwork",
      metadata: { name },
      spec: { image: "sei:bench", replicas: 1, genesis: { chainId: name } },
    },
  });
}

/** Flips the network to Ready after the wait; resolves with when the write returned. */
async function becomeReadyLater(
  kc: KubeConfig,
  name: string,
  url: string,
  jitterMs: number,
): Promise<number> {
  await new Promise((r) => setTimeout(r, WAIT_SECONDS * 1000 + jitterMs));
  await objects(kc).patchNamespacedCustomObjectStatus(
    {
      group: "sei.io",
      version: "v1alpha1",
      namespace: "default",
      plural: "seinetworks",
      name,
      body: { status: { phase: "Ready", endpoints: { tendermintRpc: url, tendermintRest: url } } },
    },
    setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
  );
  return performance.now();
}

async function seinetWait(kc: KubeConfig, name: string, url: string, jitterMs: number): Promise<Sample> {
  const provider = new K8sProvider(kc, "default");
  const client = new Client(provider);
  await create(kc, name);
  const net = await client.getNetwork(name);
  const before = provider.api.requests;
  const flipped = becomeReadyLater(kc, name, url, jitterMs);
  await net.waitReady({ signal: AbortSignal.timeout((WAIT_SECONDS + 60) * 1000) });
  const done = performance.now();
  const sample = { requests: provider.api.requests - before, reactionMs: done - (await flipped) };
  await net.delete();
  await client.close();
  return sample;
}

async function pollWait(kc: KubeConfig, name: string, url: string, jitterMs: number): Promise<Sample> {
  await create(kc, name);
  const flipped = becomeReadyLater(kc, name, url, jitterMs);
  let requests = 0;
  const deadline = performance.now() + (WAIT_SECONDS + 60) * 1000;
  for (;;) {
    requests++;
    const obj = (await objects(kc).getNamespacedCustomObject({
      group: "sei.io",
      version: "v1alpha1",
      namespace: "default",
      plural: "seinetworks",
      name,
    })) as { status?: { phase?: string } };
    if (obj.status?.phase === "Ready") break;
    if (performance.now() > deadline) throw new Error("poll baseline never saw Ready");
    await new Promise((r) => setTimeout(r, POLL_INTERVAL_MS));
  }
  const done = performance.now();
  const sample = { requests, reactionMs: done - (await flipped) };
  await objects(kc).deleteNamespacedCustomObject({
    group: "sei.io",
    version: "v1alpha1",
    namespace: "default",
    plural: "seinetworks",
    name,
  });
  return sample;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const cluster = await startTestCluster();
const chain = new ChainDouble("bench");
const url = await chain.start();
try {
  const kc = cluster.kubeConfig();
  const seinet: Sample[] = [];
  const poll: Sample[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Both waits run at once, against the same server; the status changes at the
    // same moment for both, at a random point within a poll interval.
    const jitterMs = Math.random() * POLL_INTERVAL_MS;
    const [a, b] = await Promise.all([
      seinetWait(kc, `watch-${round}`, url, jitterMs),
      pollWait(kc, `poll-${round}`, url, jitterMs),
    ]);
    seinet.push(a);
    poll.push(b);
    console.error(
      `round ${round + 1}/${ROUNDS}: watch ${a.requests} req, ${a.reactionMs.toFixed(0)} ms; poll ${b.requests} req, ${b.reactionMs.toFixed(0)} ms`,
    );
  }
  const summary = {
    waitSeconds: WAIT_SECONDS,
    rounds: ROUNDS,
    seinet: {
      requestsMedian: median(seinet.map((s) => s.requests)),
      reactionMsMedian: median(seinet.map((s) => s.reactionMs)),
    },
    pollBaseline: {
      requestsMedian: median(poll.map((s) => s.requests)),
      reactionMsMedian: median(poll.map((s) => s.reactionMs)),
    },
  };
  const ratioRequests = summary.pollBaseline.requestsMedian / summary.seinet.requestsMedian;
  const ratioReaction = summary.pollBaseline.reactionMsMedian / summary.seinet.reactionMsMedian;
  console.log(
    [
      `waitReady over ${WAIT_SECONDS} s, ${ROUNDS} round(s), median:`,
      "",
      "| wait            | API requests | reaction to status change |",
      "| --------------- | ------------ | ------------------------- |",
      `| seinet (watch)  | ${summary.seinet.requestsMedian} | ${summary.seinet.reactionMsMedian.toFixed(1)} ms |`,
      `| 1 s poll (base) | ${summary.pollBaseline.requestsMedian} | ${summary.pollBaseline.reactionMsMedian.toFixed(1)} ms |`,
      "",
      `poll / seinet: ${ratioRequests.toFixed(1)}x the requests, ${ratioReaction.toFixed(1)}x the reaction time`,
    ].join("\n"),
  );
  await mkdir(new URL("./results/", import.meta.url), { recursive: true });
  await writeFile(
    new URL("./results/k8s-watch.json", import.meta.url),
    `${JSON.stringify({ ...summary, ratioRequests, ratioReaction, at: new Date().toISOString() }, null, 2)}\n`,
  );
} finally {
  await chain.stop();
  await cluster.stop();
}
