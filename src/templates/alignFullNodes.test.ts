import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { alignFullNodes } from "./alignFullNodes.js";

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function home(root: string, name: string, files: Record<string, string>): Promise<void> {
  for (const [rel, data] of Object.entries(files)) {
    await mkdir(dirname(join(root, name, rel)), { recursive: true });
    await writeFile(join(root, name, rel), data);
  }
}

test("alignFullNodes: the sentry gets the validator's chain data and keeps its own config, keys and sign state", async () => {
  const root = await mkdtemp(join(tmpdir(), "seinet-align-"));
  dirs.push(root);
  await home(root, "n-0", {
    "config/node_key.json": "validator node key",
    "config/config.toml": 'mode = "validator"',
    "data/priv_validator_state.json": "validator signed at 2",
    "data/tendermint/blockstore.db/000001.log": "blocks 1..2",
    "data/tendermint/cs.wal/wal": "validator votes",
    "keyring-test/n-0.info": "validator account key",
    "wasm/wasm/state/wasm/x.wasm": "code",
  });
  await home(root, "n-sentry", {
    "config/node_key.json": "sentry node key",
    "config/config.toml": 'mode = "full"',
    "data/priv_validator_state.json": "sentry never signed",
    "data/tendermint/blockstore.db/000001.log": "no blocks",
    "data/tendermint/cs.wal/wal": "sentry wal",
  });
  await alignFullNodes(root, [
    { name: "n-0", role: "validator" },
    { name: "n-sentry", role: "sentry" },
  ]);
  const read = (rel: string) => readFile(join(root, "n-sentry", rel), "utf8");
  assert.equal(await read("data/tendermint/blockstore.db/000001.log"), "blocks 1..2");
  assert.equal(await read("wasm/wasm/state/wasm/x.wasm"), "code");
  assert.equal(await read("config/node_key.json"), "sentry node key");
  assert.equal(await read("config/config.toml"), 'mode = "full"');
  assert.equal(await read("data/priv_validator_state.json"), "sentry never signed");
  await assert.rejects(read("data/tendermint/cs.wal/wal"), /ENOENT/);
  await assert.rejects(read("keyring-test/n-0.info"), /ENOENT/);
  assert.equal(
    await readFile(join(root, "n-0", "data/tendermint/cs.wal/wal"), "utf8"),
    "validator votes",
    "the validator's home is untouched",
  );
  assert.deepEqual((await readdir(root)).sort(), ["n-0", "n-sentry"], "no work directory left");
});
