// Warm templates in the local mode: the first network of a kind is kept as a
// template, the next ones are clones of it; clones run side by side without
// ever peering, and deleting one leaves the others running.
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { type Client, latestHeight, listTemplates, open, waitHeightAdvances } from "../../src/index.js";
import { evmTransfer } from "../local/evm.js";
import { deleteAllAndCheck } from "../local/leftovers.js";
import { testSeid } from "../local/seid.js";

let stateDir = "";
let templateDir = "";
let client: Client;
const steps: string[] = [];
const wait = () => ({ signal: AbortSignal.timeout(180_000) });
const spec = (name: string) => ({ name, chainId: "tpl-chain", validators: 1 });

before(async () => {
  await testSeid();
  stateDir = await mkdtemp(join(tmpdir(), "seinet-templates-"));
  templateDir = await mkdtemp(join(tmpdir(), "seinet-templates-cache-"));
  client = await open("local", { stateDir, templateDir, onProgress: (s: string) => steps.push(s) });
});

after(async () => {
  await deleteAllAndCheck(client, stateDir);
  await rm(templateDir, { recursive: true, force: true });
});

/** The P2P ports a network's peers are reached on, as its first validator's /net_info lists them. */
async function peerPorts(tmRpc: string): Promise<number[]> {
  const body = (await (await fetch(`${tmRpc}/net_info`)).json()) as { result?: { peers?: unknown } };
  const peers = JSON.stringify((body.result ?? body) as unknown);
  return [...peers.matchAll(/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]));
}

/** P2P ports of a network's own nodes, from its records: their own and their relay's (where a relay runs). */
function ownPorts(object: unknown): number[] {
  const nodes = (
    object as {
      nodes: { ports: { p2p: number }; relay?: { public: number; routes: Record<string, number> } }[];
    }
  ).nodes;
  return nodes.flatMap((n) => [
    n.ports.p2p,
    ...(n.relay ? [n.relay.public, ...Object.values(n.relay.routes)] : []),
  ]);
}

describe("local: warm templates", () => {
  test("default: the first network is kept as a template, the next two are clones that never peer", async () => {
    let t0 = performance.now();
    const first = await client.createNetwork(spec("tpl-a"), { template: "reuse", ...wait() });
    await first.waitReady(wait());
    const freshMs = performance.now() - t0;
    const [template] = await listTemplates({ root: templateDir });
    assert.ok(template, "a template was kept");
    assert.ok(template.height >= 1, `template height ${template.height}`);
    assert.deepEqual(
      template.nodes.map((n) => n.role),
      ["validator", "sentry"],
    );

    t0 = performance.now();
    const b = await client.createNetwork(spec("tpl-b"), { template: "reuse", ...wait() });
    await b.waitReady(wait());
    const cloneMs = performance.now() - t0;
    const c = await client.createNetwork(spec("tpl-c"), { template: "reuse", ...wait() });
    await c.waitReady(wait());
    console.error(
      `templates (shared 2-core machine): fresh+keep ${Math.round(freshMs)} ms, clone ${Math.round(cloneMs)} ms`,
    );
    assert.ok(
      steps.some((s) => /tpl-b: from a template made .+, at height \d+/.test(s)),
      steps.join("\n"),
    );
    assert.equal(b.chainId, "tpl-chain");
    assert.deepEqual(b.testAccount, first.testAccount, "clones share the template's funded account");

    for (const net of [first, b, c]) {
      await waitHeightAdvances(net.tendermintRpc as string, 2, wait());
      const own = ownPorts(net.object());
      const seen = await peerPorts(net.tendermintRpc as string);
      assert.ok(seen.length > 0, `${net.name} has its sentry as a peer`);
      for (const port of seen)
        assert.ok(own.includes(port), `${net.name} peers only its own nodes: ${seen} vs ${own}`);
    }
    assert.ok((await latestHeight(c.tendermintRpc as string)) >= template.height);

    await b.delete();
    const before = await latestHeight(c.tendermintRpc as string);
    await waitHeightAdvances(c.tendermintRpc as string, 3, wait());
    assert.ok((await latestHeight(c.tendermintRpc as string)) > before, "the other clone runs on");
    await c.refresh();
    assert.equal(c.phase, "Ready");
    const node = await client.getNode("tpl-c-0");
    await evmTransfer(
      node.evmRpc as string,
      c.testAccount as never,
      "0x00000000000000000000000000000000000b0b0b",
    );
  });
});
