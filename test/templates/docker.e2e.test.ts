// Warm templates in the docker mode: the first network of a kind is kept as a
// template (its homes copied out of the volumes), the next ones are clones
// whose homes go into fresh volumes; clones on one engine never peer, and
// deleting one leaves the other running. A clone's sentry and followers
// start from the template's chain data, past InitChain.
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import Docker from "dockerode";
import {
  type Client,
  latestHeight,
  listTemplates,
  open,
  waitCaughtUp,
  waitHeightAdvances,
} from "../../src/index.js";
import { type DockerEngine, ensureDockerEngine } from "../docker/engine.js";
import { labelled } from "../docker/leftovers.js";
import { testImage } from "../docker/seidImage.js";
import { evmTransfer } from "../local/evm.js";
import { nodeStatus, replayLine } from "./seeded.js";

const namespace = `tpl-${process.pid}`;
let engine: DockerEngine | undefined;
let image = "";
let stateDir = "";
let templateDir = "";
let client: Client;
const steps: string[] = [];
const wait = () => ({ signal: AbortSignal.timeout(180_000) });
const spec = (name: string) => ({ name, chainId: "dtpl-chain", validators: 1, image });

before(async () => {
  engine = await ensureDockerEngine((line) => console.error(line));
  image = await testImage();
  stateDir = await mkdtemp(join(tmpdir(), "seinet-templates-docker-"));
  templateDir = await mkdtemp(join(tmpdir(), "seinet-templates-docker-cache-"));
  client = await open("docker", {
    namespace,
    stateDir,
    templateDir,
    onProgress: (s: string) => steps.push(s),
  });
});

after(async () => {
  for (const net of await client.listNetworks().catch(() => [])) await net.delete({ cascade: true });
  await client.close();
  assert.deepEqual(await labelled(new Docker(), { "sei.io/namespace": namespace }), [], "nothing left");
  await rm(stateDir, { recursive: true, force: true });
  await rm(templateDir, { recursive: true, force: true });
  await engine?.stop();
});

/** Hosts a network's first validator is connected to, from its /net_info peer URLs. */
async function peerHosts(tmRpc: string): Promise<string[]> {
  const body = (await (await fetch(`${tmRpc}/net_info`)).json()) as { peers?: { url?: string }[] };
  return (body.peers ?? []).map((p) => new URL((p.url ?? "").replace(/^mconn:/, "http:")).hostname);
}

/** IPv4 addresses of the containers on one Docker network. */
async function ownAddresses(dockerNetwork: string): Promise<string[]> {
  const info = await new Docker().getNetwork(dockerNetwork).inspect();
  return Object.values((info.Containers ?? {}) as Record<string, { IPv4Address?: string }>).map(
    (c) => (c.IPv4Address ?? "").split("/")[0] as string,
  );
}

test("docker: the first network is kept as a template; two clones side by side never peer; one deleted, the other runs", async () => {
  let t0 = performance.now();
  const first = await client.createNetwork(spec("dtpl-a"), { template: "reuse", ...wait() });
  await first.waitReady(wait());
  const freshMs = performance.now() - t0;
  const [template] = await listTemplates({ root: templateDir });
  assert.equal(template?.facts.mode, "docker");
  assert.deepEqual(
    template?.nodes.map((n) => n.role),
    ["validator", "sentry"],
  );

  t0 = performance.now();
  const b = await client.createNetwork(spec("dtpl-b"), { template: "reuse", ...wait() });
  await b.waitReady(wait());
  const cloneMs = performance.now() - t0;
  const c = await client.createNetwork(spec("dtpl-c"), { template: "reuse", ...wait() });
  await c.waitReady(wait());
  console.error(`docker templates: fresh+keep ${Math.round(freshMs)} ms, clone ${Math.round(cloneMs)} ms`);
  assert.ok(
    steps.some((s) => /dtpl-b: from a template made .+, at height \d+/.test(s)),
    steps.join("\n"),
  );
  assert.deepEqual(b.testAccount, first.testAccount, "clones share the template's funded account");
  assert.equal(c.chainId, "dtpl-chain");

  for (const net of [first, b, c]) {
    await waitHeightAdvances(net.tendermintRpc as string, 2, wait());
    const hosts = await peerHosts(net.tendermintRpc as string);
    assert.ok(hosts.length > 0, `${net.name} has its sentry as a peer`);
    // A peer that dialed in shows by its address on the network's own Docker network.
    const own = await ownAddresses(`seinet-${namespace}-${net.name}`);
    for (const host of hosts) {
      assert.ok(
        host.startsWith(`seinet-${namespace}-${net.name}-`) || own.includes(host),
        `${net.name} peers only its own: ${hosts} (its containers: ${own})`,
      );
    }
  }

  // A follower of a clone starts from the template's chain data: no InitChain, its own keys.
  const rpc = await client.createNode({ name: "dtpl-c-rpc", network: "dtpl-c" }, wait());
  await rpc.waitReady(wait());
  const synced = await waitCaughtUp(rpc.tendermintRpc as string, wait());
  assert.ok(synced.latestHeight >= (template?.height ?? 1));
  assert.ok(
    steps.some((s) => /dtpl-c-rpc: from the template's chain data at height \d+/.test(s)),
    steps.join("\n"),
  );
  for (const node of [rpc, await client.getNode("dtpl-c-sentry")]) {
    const replay = await replayLine(node);
    assert.match(replay, /appHeight=[1-9]/, `${node.name} started past genesis (no InitChain): ${replay}`);
  }
  const ids = await Promise.all(
    ["dtpl-c-0", "dtpl-c-sentry", "dtpl-c-rpc"].map(async (n) => nodeStatus(await client.getNode(n))),
  );
  assert.equal(new Set(ids.map((st) => st.id)).size, 3, `node ids: ${ids.map((st) => st.id)}`);
  assert.equal(ids[2]?.votingPower, "0", "the follower signs nothing");

  await b.delete({ cascade: true });
  const before = await latestHeight(c.tendermintRpc as string);
  await waitHeightAdvances(c.tendermintRpc as string, 3, wait());
  assert.ok((await latestHeight(c.tendermintRpc as string)) > before, "the other clone runs on");
  const node = await client.getNode("dtpl-c-0");
  await evmTransfer(
    node.evmRpc as string,
    c.testAccount as never,
    "0x00000000000000000000000000000000000d0c4e",
  );
});
