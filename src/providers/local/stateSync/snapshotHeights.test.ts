import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { snapshotHeights } from "./snapshotHeights.js";

describe("snapshotHeights", () => {
  test("default: one height per directory, newest first; metadata.db and strays ignored", async () => {
    const home = await mkdtemp(join(tmpdir(), "seinet-snapshots-"));
    try {
      const dir = join(home, "data", "snapshots");
      for (const h of ["90", "100", "20"]) await mkdir(join(dir, h, "1"), { recursive: true });
      await mkdir(join(dir, "metadata.db"));
      await mkdir(join(dir, "0"));
      await writeFile(join(dir, "tmp-123"), "");
      assert.deepEqual(await snapshotHeights(home), [100, 90, 20]);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });

  test("behavior: a home without snapshots has none", async () => {
    assert.deepEqual(await snapshotHeights(join(tmpdir(), "seinet-no-such-home")), []);
  });
});
