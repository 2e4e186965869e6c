import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { resetNodeData } from "./resetNodeData.js";

describe("resetNodeData", () => {
  test("default: data and the wasm cache go, config and the node key stay", async () => {
    const home = await mkdtemp(join(tmpdir(), "seinet-reset-"));
    try {
      await mkdir(join(home, "config"), { recursive: true });
      await writeFile(join(home, "config", "node_key.json"), "key");
      await writeFile(join(home, "config", "config.toml"), "mode = 'full'");
      for (const d of ["tendermint", "state_commit", "snapshots/100/1"])
        await mkdir(join(home, "data", d), { recursive: true });
      await writeFile(join(home, "data", "priv_validator_state.json"), '{"height":"55","round":0,"step":3}');
      await mkdir(join(home, "wasm", "cache"), { recursive: true });
      await resetNodeData(home);
      assert.deepEqual(await readdir(join(home, "data")), ["priv_validator_state.json"]);
      assert.deepEqual(JSON.parse(await readFile(join(home, "data", "priv_validator_state.json"), "utf8")), {
        height: "0",
        round: 0,
        step: 0,
      });
      assert.deepEqual((await readdir(home)).sort(), ["config", "data"]);
      assert.equal(await readFile(join(home, "config", "node_key.json"), "utf8"), "key");
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
