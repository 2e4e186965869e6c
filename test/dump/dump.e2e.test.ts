// `seinet dump` of a real local network: every node's log tail, status,
// net_info, config.toml, app.toml and genesis, heights, the spec; no key.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { cliEnv, startCli } from "../cli/cliProcess.js";
import { useLocalNetwork } from "../local/useLocalNetwork.js";

const shared = useLocalNetwork({ name: "dumped", validators: 1 });

test("behavior: seinet dump --out FILE.tgz holds each node's forensics and no key", async () => {
  const { stateDir, client, net } = shared;
  const out = join(stateDir, "dump.tgz");
  const started = performance.now();
  const run = await startCli(["dump", "dumped", "--out", out], cliEnv(stateDir), AbortSignal.timeout(60_000))
    .done;
  assert.equal(run.code, 0, run.stderr);
  process.stderr.write(`dump: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  const dir = join(stateDir, "unpacked");
  execFileSync("mkdir", ["-p", dir]);
  execFileSync("tar", ["-xzf", out, "-C", dir]);
  const [top] = await readdir(dir);
  const root = join(dir, top as string);
  const nodes = await readdir(join(root, "nodes"));
  assert.deepEqual(nodes.sort(), ["dumped-0", "dumped-sentry"].sort());
  for (const node of nodes) {
    const files = await readdir(join(root, "nodes", node));
    for (const f of [
      "log-tail.txt",
      "status.json",
      "net_info.json",
      "config.toml",
      "app.toml",
      "genesis.json",
      "node.json",
    ]) {
      assert.ok(files.includes(f), `${node}/${f}`);
    }
  }
  const heights = JSON.parse(await readFile(join(root, "heights.json"), "utf8")) as Record<string, number[]>;
  const series = heights["dumped-0"] ?? [];
  assert.ok(series.length >= 3 && (series.at(-1) ?? 0) > (series[0] ?? 0), JSON.stringify(heights));
  const all = execFileSync(
    "cat",
    execFileSync("find", [root, "-type", "f"], { encoding: "utf8" }).trim().split("\n"),
    {
      encoding: "utf8",
      maxBuffer: 64 << 20,
    },
  );
  const key = net.testAccount?.privateKey.slice(2) as string;
  assert.equal(all.includes(key), false, "the test account's key is not in the dump");
  assert.equal(all.includes(net.testAccount?.mnemonic as string), false, "nor its mnemonic");
  const home = (await client.getNode("dumped-0")).object() as { home: string };
  const validatorKey = JSON.parse(
    await readFile(join(home.home, "config", "priv_validator_key.json"), "utf8"),
  );
  const nodeKey = JSON.parse(await readFile(join(home.home, "config", "node_key.json"), "utf8"));
  assert.equal(all.includes(validatorKey.priv_key.value), false, "nor the validator key");
  assert.equal(all.includes(nodeKey.priv_key.value), false, "nor the node key");
});

test("behavior: net.dump({ out: DIR }) writes the same forensics from the handle", async () => {
  const { stateDir, client } = shared;
  const net = await client.getNetwork("dumped");
  const out = join(stateDir, "dump-dir");
  const path = await net.dump?.({ out, sampleMs: 1_000, signal: AbortSignal.timeout(60_000) });
  assert.equal(path, out);
  assert.deepEqual((await readdir(join(out, "nodes"))).sort(), ["dumped-0", "dumped-sentry"]);
  const network = JSON.parse(await readFile(join(out, "network.json"), "utf8")) as { name: string };
  assert.equal(network.name, "dumped");
  const status = JSON.parse(await readFile(join(out, "nodes", "dumped-0", "status.json"), "utf8"));
  assert.ok(JSON.stringify(status).includes("latest_block_height"), JSON.stringify(status));
});
