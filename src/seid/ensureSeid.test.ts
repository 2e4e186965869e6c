import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { InfraError } from "../errors/infra.js";
import { fakeBundleDir, seidCacheEntries } from "./bundles.fixture.js";
import { ensureSeid } from "./ensureSeid.js";
import { installSeid } from "./installSeid.js";

const V999 = { name: "seid-v9.9.9-linux-amd64", version: "v9.9.9", commit: "9".repeat(40) };
let root: string;

before(async () => {
  root = await mkdtemp(join(tmpdir(), "seinet-ensure-"));
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("ensureSeid", () => {
  test("default: resolves without installing when a seid is found", async () => {
    const dir = join(root, "found");
    const bundle = await fakeBundleDir(join(dir, "src"), V999);
    const seid = join(bundle, "bin", "seid");
    const cache = join(dir, "cache");
    const resolved = await ensureSeid({
      env: { SEID_BINARY: seid, SEINET_CACHE: cache, SEINET_SEID_BUNDLE: bundle, PATH: "" },
    });
    assert.deepEqual(resolved, { path: seid, source: "SEID_BINARY" });
    assert.deepEqual(await seidCacheEntries(cache), []);
  });

  test("behavior: installs from SEINET_SEID_BUNDLE when nothing resolves, once", async () => {
    const dir = join(root, "bundle");
    const bundle = await fakeBundleDir(join(dir, "src"), V999);
    const env = { SEINET_CACHE: join(dir, "cache"), SEINET_SEID_BUNDLE: bundle, PATH: "" };
    const progress: string[] = [];
    const first = await ensureSeid({ env, onProgress: (l) => progress.push(l) });
    const path = join(dir, "cache", "seid", V999.commit, "bin", "seid");
    assert.deepEqual(first, { path, source: "SEINET_SEID_BUNDLE" });
    assert.ok(progress.some((l) => l.startsWith("installed seid v9.9.9")));
    assert.deepEqual(await ensureSeid({ env }), first);
    assert.deepEqual(await ensureSeid({ binary: "v9.9.9", env }), { path, source: "cache" });
    assert.deepEqual(await seidCacheEntries(env.SEINET_CACHE), [V999.commit]);
    // installSeid() without `from` uses the same variable (the pinned commit is not cached here).
    const installed = await installSeid({ env });
    assert.deepEqual([installed.cached, installed.commit], [true, V999.commit]);
  });

  test("behavior: a version asked for is installed from the bundle only if the bundle holds it", async () => {
    const dir = join(root, "wanted");
    const bundle = await fakeBundleDir(join(dir, "src"), V999);
    const env = { SEINET_CACHE: join(dir, "cache"), SEINET_SEID_BUNDLE: bundle, PATH: "" };
    assert.equal((await ensureSeid({ binary: "v9.9.9", env })).source, "SEINET_SEID_BUNDLE");
    await assert.rejects(
      ensureSeid({ binary: "v6.5.2", env }),
      (err: unknown) =>
        err instanceof InfraError &&
        /holds the wrong seid.*\n\nExpected commit ab134842ce1bd97af73021bcff5850ad6c29e534: ref v6\.5\.2/.test(
          err.message,
        ),
    );
  });

  test("error: without SEINET_SEID_BUNDLE it is resolveSeid's InfraError", async () => {
    const env = { SEINET_CACHE: join(root, "none"), PATH: "" };
    await assert.rejects(ensureSeid({ env }), (err: unknown) => {
      assert.ok(err instanceof InfraError, String(err));
      assert.equal(err.shortMessage, "No seid binary found.");
      assert.match(err.message, /SEINET_SEID_BUNDLE/);
      return true;
    });
    await assert.rejects(ensureSeid({ binary: "v6.5.2", env }), /seid v6\.5\.2 is not installed/);
  });
});
