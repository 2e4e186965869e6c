// Warm templates in the local mode: the first network of a kind is kept as a
// template, the next ones are clones of it; clones run side by side without
// ever peering, and deleting one leaves the others running. A clone's sentry
// and followers start from the template's chain data, past InitChain.
import assert from "node:assert/strict";
import { copyFile, mkdtemp, readdir, rm, stat, truncate } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { http, createPublicClient } from "viem";
import {
  type Client,
  ConflictError,
  UsageError,
  latestHeight,
  listTemplates,
  open,
  readCheckpointArchive,
  waitCaughtUp,
  waitHeightAdvances,
} from "../../src/index.js";
import { cli, cliEnv } from "../cli/cliProcess.js";
import { evmTransfer } from "../local/evm.js";
import { deleteAllAndCheck } from "../local/leftovers.js";
import { sharedBundle, testSeid } from "../local/seid.js";
import { nodeStatus, replayLine } from "./seeded.js";

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

    // A follower of a clone starts from the template's chain data: no InitChain, its own keys.
    const rpc = await client.createNode({ name: "tpl-c-rpc", network: "tpl-c" }, wait());
    await rpc.waitReady(wait());
    const synced = await waitCaughtUp(rpc.tendermintRpc as string, wait());
    assert.ok(synced.latestHeight >= template.height);
    assert.ok(
      steps.some((s) => /tpl-c-rpc: from the template's chain data at height \d+/.test(s)),
      steps.join("\n"),
    );
    for (const [name, node] of [
      ["tpl-c-rpc", rpc],
      ["tpl-c-sentry", await client.getNode("tpl-c-sentry")],
    ] as const) {
      const replay = await replayLine(node);
      assert.match(replay, /appHeight=[1-9]/, `${name} started past genesis (no InitChain): ${replay}`);
    }
    const ids = await Promise.all(
      ["tpl-c-0", "tpl-c-sentry", "tpl-c-rpc"].map(async (n) => nodeStatus(await client.getNode(n))),
    );
    assert.equal(new Set(ids.map((st) => st.id)).size, 3, `node ids: ${ids.map((st) => st.id)}`);
    assert.equal(ids[2]?.votingPower, "0", "the follower signs nothing");
    assert.equal(ids[2]?.moniker, "tpl-c-rpc");

    await b.delete();
    const before = await latestHeight(c.tendermintRpc as string);
    await waitHeightAdvances(c.tendermintRpc as string, 3, wait());
    assert.ok((await latestHeight(c.tendermintRpc as string)) > before, "the other clone runs on");
    await c.refresh();
    assert.equal(c.phase, "Ready");
    await rpc.delete();
    const node = await client.getNode("tpl-c-0");
    await evmTransfer(
      node.evmRpc as string,
      c.testAccount as never,
      "0x00000000000000000000000000000000000b0b0b",
    );
  });
});

describe("local: portable checkpoints", () => {
  test("exported, then started by `up --from` with its state; damaged or other-seid archives make nothing", async () => {
    const source = await client.createNetwork(spec("arc-src"), wait());
    await source.waitReady(wait());
    const node = await client.getNode("arc-src-0");
    const to = "0x00000000000000000000000000000000000a4c01" as const;
    await evmTransfer(node.evmRpc as string, source.testAccount as never, to, "3");
    // Saved and exported from the CLI, as a CI job that builds its warm chain would.
    const env = { ...cliEnv(stateDir), SEINET_TEMPLATE_DIR: templateDir };
    const file = join(templateDir, "..", `seinet-archive-${process.pid}.tgz`);
    const saved = await cli(["checkpoint", "save", "arc-src", "warm", "--json"], env);
    assert.equal(saved.code, 0, saved.stderr);
    const listed = await cli(["checkpoint", "ls", "arc-src", "--json"], env);
    assert.deepEqual(
      (JSON.parse(listed.stdout) as { checkpoints: { name: string }[] }).checkpoints.map((c) => c.name),
      ["warm"],
    );
    const exported = await cli(["checkpoint", "export", "arc-src", "warm", file, "--json"], env);
    assert.equal(exported.code, 0, exported.stderr);
    const out = JSON.parse(exported.stdout) as { bytes: number; file: string };
    assert.ok(out.bytes > 0 && out.bytes < 100 * 2 ** 20, `archive of ${out.bytes} bytes`);
    assert.equal(exported.stdout.includes("privateKey"), false, "the JSON report carries no key");
    assert.equal(((await stat(file)).mode & 0o777).toString(8), "600");
    const info = await readCheckpointArchive(file);
    assert.equal(info.chainId, "tpl-chain");
    assert.equal(info.validators, 1);
    await source.delete({ cascade: true });

    // The CLI, as CI would run it from a restored cache: another name, fresh ports, the same chain.
    const up = await cli(["up", "--from", file, "--name", "arc-cli", "--json"], env, 180_000);
    assert.equal(up.code, 0, up.stderr);
    const kept = (await listTemplates({ root: templateDir })).find((t) => t.archive);
    assert.equal(kept?.archive?.file, file, "the archive is unpacked once into the template cache");
    const doc = JSON.parse(up.stdout) as {
      network: { chainId: string };
      nodes: { name: string; endpoints: { evmRpc: string | null } }[];
    };
    assert.equal(doc.network.chainId, "tpl-chain");
    const evmRpc = doc.nodes.find((n) => n.name === "arc-cli-rpc-0")?.endpoints.evmRpc;
    assert.ok(evmRpc, up.stdout);
    const evm = createPublicClient({ transport: http(evmRpc) });
    assert.equal(
      await evm.getBalance({ address: to }),
      3n * 10n ** 18n,
      "the transfer made before the checkpoint is there",
    );

    // Damaged, and made by another seid: UsageErrors, with no network and no half-unpacked template.
    const damaged = `${file}.damaged`;
    await copyFile(file, damaged);
    await truncate(damaged, Math.floor((await stat(damaged)).size / 2));
    await assert.rejects(
      client.createNetwork(spec("arc-bad"), { ...wait(), from: damaged }),
      (err: unknown) => {
        assert.ok(err instanceof UsageError, String(err));
        assert.match(err.message, /damaged/);
        return true;
      },
    );
    const bad = await cli(["up", "--from", damaged, "--name", "arc-bad2", "--json"], env);
    assert.equal(bad.code, 2, bad.stderr);
    assert.ok(sharedBundle("v6.5.2"), "the v6.5.2 bundle is in ../shared/seid/");
    await assert.rejects(
      client.createNetwork(
        { ...spec("arc-old"), chainId: undefined, binary: "v6.5.2" },
        { ...wait(), from: file },
      ),
      /holds a chain run by seid v6\.6\.2.+would run seid v6\.5\.2/,
    );
    const names = (await client.listNetworks()).map((n) => n.name);
    for (const gone of ["arc-bad", "arc-bad2", "arc-old"])
      assert.ok(!names.includes(gone), `${gone} not made: ${names}`);
    assert.deepEqual(
      (await readdir(templateDir)).filter((n) => n.startsWith(".")),
      [],
      "nothing half unpacked",
    );

    await assert.rejects(
      client.createNetwork(spec("arc-cli"), { ...wait(), from: file }),
      (err: unknown) => err instanceof ConflictError && /already exists/.test(err.message),
      "a taken name is refused before the archive is read further",
    );
    const down = await cli(["down", "arc-cli", "--json"], env);
    assert.equal(down.code, 0, down.stderr);
    await rm(damaged, { force: true });
    await rm(file, { force: true });
  });
});
