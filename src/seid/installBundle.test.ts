import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, open, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { execa } from "execa";
import { CanceledError } from "../errors/canceled.js";
import { InfraError } from "../errors/infra.js";
import { UsageError } from "../errors/usage.js";
import {
  REAL_V662,
  SHARED_SEID,
  V662_COMMIT,
  fakeBundleArchive,
  fakeBundleDir,
  seidCacheEntries,
  writeSums,
} from "./bundles.fixture.js";
import { installSeid } from "./installSeid.js";
import { listInstalledSeids } from "./installedSeids.js";
import { resolveSeid } from "./resolveSeid.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const V999 = { name: "seid-v9.9.9-linux-amd64", version: "v9.9.9", commit: "9".repeat(40) };
let root: string;

before(async () => {
  root = await mkdtemp(join(tmpdir(), "seinet-bundle-"));
  await stat(REAL_V662).catch(() => {
    throw new Error(`These tests need the real seid bundles in ${SHARED_SEID} (see its README).`);
  });
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

async function fresh(name: string): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** An env with only a cache: no Go, nothing on PATH, no SEINET_SEID_BUNDLE. */
function cacheEnv(cache: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    SEINET_CACHE: cache,
    GO: "/nonexistent/go",
    CC: "/nonexistent/cc",
    PATH: "/usr/bin:/bin",
    ...extra,
  };
}

/** Asserts an InfraError whose message matches, then that the cache holds nothing (no temp dirs either). */
async function rejectsClean(promise: Promise<unknown>, message: RegExp, cache: string): Promise<InfraError> {
  let caught: unknown;
  await assert.rejects(promise, (err: unknown) => {
    caught = err;
    assert.ok(err instanceof InfraError, String(err));
    assert.match(err.message, message);
    return true;
  });
  assert.deepEqual(await seidCacheEntries(cache), []);
  return caught as InfraError;
}

describe("installSeid from the real v6.6.2 bundle", () => {
  let cache: string;
  before(async () => {
    cache = await fresh("real");
  });

  test("default: verifies, unpacks, runs and caches it under its commit", async () => {
    const progress: string[] = [];
    const installed = await installSeid({
      from: REAL_V662,
      env: cacheEnv(cache),
      onProgress: (l) => progress.push(l),
    });
    const dir = join(cache, "seid", V662_COMMIT);
    const sums = await readFile(join(SHARED_SEID, "SHA256SUMS"), "utf8");
    assert.deepEqual(
      { ...installed, durationMs: 0 },
      {
        path: join(dir, "bin", "seid"),
        ref: V662_COMMIT,
        cached: false,
        version: "v6.6.2",
        commit: V662_COMMIT,
        source: "bundle",
        sha256: /^([0-9a-f]{64}) {2}seid-v6\.6\.2-linux-amd64\.tar\.xz$/m.exec(sums)?.[1],
        durationMs: 0,
      },
    );
    assert.deepEqual(await seidCacheEntries(cache), [V662_COMMIT]);
    const manifest = JSON.parse(await readFile(join(dir, "build.json"), "utf8")) as Record<string, unknown>;
    assert.equal(manifest.version, "v6.6.2");
    assert.equal(manifest.commit, V662_COMMIT);
    assert.equal(manifest.source, "bundle");
    assert.equal(manifest.sha256, installed.sha256);
    assert.ok(!Number.isNaN(Date.parse(manifest.installedAt as string)));
    assert.ok((await stat(join(dir, "lib", "libwasmvm.x86_64.so"))).isFile());
    const { stdout } = await execa(installed.path, ["version", "--long"]);
    assert.match(stdout, /^commit: 3e7d5ddeb06406c6b759d7e8748d972f71d4dd7c$/m);
    assert.deepEqual(progress.slice(0, 3), [
      `verifying the sha256 of ${REAL_V662}`,
      `unpacking ${REAL_V662}`,
      "checking bin/seid version --long",
    ]);
  });

  test("behavior: a second run is a cache hit in milliseconds, without hashing", async () => {
    const progress: string[] = [];
    const started = performance.now();
    const again = await installSeid({
      from: REAL_V662,
      env: cacheEnv(cache),
      onProgress: (l) => progress.push(l),
    });
    const ms = performance.now() - started;
    assert.ok(ms < 1_000, `${ms} ms`); // ~5 ms on an idle machine; unpacking takes seconds
    assert.equal(again.cached, true);
    assert.equal(again.version, "v6.6.2");
    assert.equal(again.source, "bundle");
    assert.deepEqual(progress, [`seid v6.6.2 (${V662_COMMIT}) is cached at ${again.path}`]);
  });

  test("behavior: a renamed copy is a cache hit by its sha256", async () => {
    const dir = await fresh("renamed");
    const renamed = join(dir, "custom.tar.xz");
    await symlink(REAL_V662, renamed);
    await writeSums(dir, renamed);
    const hit = await installSeid({ from: renamed, env: cacheEnv(cache) });
    assert.equal(hit.cached, true);
    assert.equal(hit.commit, V662_COMMIT);
  });

  test("behavior: SEINET_SEID_BUNDLE and the pinned ref find it; resolveSeid finds it by version", async () => {
    const env = cacheEnv(cache, { SEINET_SEID_BUNDLE: REAL_V662 });
    const installed = await installSeid({ env });
    assert.deepEqual([installed.cached, installed.version, installed.source], [true, "v6.6.2", "bundle"]);
    for (const binary of ["v6.6.2", V662_COMMIT, V662_COMMIT.slice(0, 7)]) {
      assert.deepEqual(await resolveSeid({ binary, env }), { path: installed.path, source: "cache" });
    }
    assert.deepEqual(await resolveSeid({ env }), { path: installed.path, source: "cache" });
    assert.deepEqual(await listInstalledSeids(env), [
      {
        commit: V662_COMMIT,
        version: "v6.6.2",
        path: installed.path,
        source: "bundle",
        sha256: installed.sha256,
      },
    ]);
  });

  test("error: a ref its name contradicts is an InfraError at once; the cache keeps what it had", async () => {
    const progress: string[] = [];
    await assert.rejects(
      installSeid({
        from: REAL_V662,
        ref: "v6.5.2",
        env: cacheEnv(cache),
        onProgress: (l) => progress.push(l),
      }),
      (err: unknown) => {
        assert.ok(err instanceof InfraError, String(err));
        assert.equal(
          err.shortMessage,
          `The seid bundle ${REAL_V662} does not match: ref v6.5.2 (commit ab134842ce1bd97af73021bcff5850ad6c29e534), but its name (seid-v6.6.2-linux-amd64.tar.xz) says v6.6.2 (commit ${V662_COMMIT}).`,
        );
        return true;
      },
    );
    assert.deepEqual(progress, []); // neither hashed nor unpacked
    assert.deepEqual(await seidCacheEntries(cache), [V662_COMMIT]);
  });
});

describe("installSeid from a bundle: concurrency", () => {
  test("behavior: two processes installing at once end with one cache entry", async () => {
    const cache = await fresh("race");
    const script = join(cache, "..", "race-install.mts");
    const module = new URL("./installSeid.ts", import.meta.url).href;
    await writeFile(
      script,
      `import { installSeid } from ${JSON.stringify(module)};\nconst r = await installSeid({ from: process.argv[2] });\nprocess.stdout.write(JSON.stringify(r));\n`,
    );
    const child = () =>
      new Promise<{ cached: boolean; path: string }>((resolve, reject) => {
        execFile(
          process.execPath,
          ["--import", "tsx", script, REAL_V662],
          {
            cwd: ROOT,
            env: { ...process.env, SEINET_CACHE: cache, SEINET_SEID_BUNDLE: "" },
            timeout: 240_000,
          },
          (err, stdout, stderr) =>
            err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
        );
      });
    const results = await Promise.all([child(), child()]);
    assert.deepEqual(results.map((r) => r.cached).sort(), [false, true]);
    assert.equal(results[0]?.path, results[1]?.path);
    assert.deepEqual(await seidCacheEntries(cache), [V662_COMMIT]);
    await rm(cache, { recursive: true, force: true });
  });

  test("behavior: two installs in one process race to one entry, the loser reports a cache hit", async () => {
    const dir = await fresh("race-dir");
    const cache = join(dir, "cache");
    const bundle = await fakeBundleDir(dir, V999);
    const results = await Promise.all([1, 2].map(() => installSeid({ from: bundle, env: cacheEnv(cache) })));
    assert.deepEqual(results.map((r) => r.cached).sort(), [false, true]);
    assert.deepEqual(await seidCacheEntries(cache), [V999.commit]);
  });
});

describe("installSeid from a bundle: failures leave nothing behind", () => {
  test("error: a wrong sha256 is an InfraError, before anything is unpacked", async () => {
    const cache = join(await fresh("bad-sum"), "cache");
    const err = await rejectsClean(
      installSeid({ from: REAL_V662, sha256: "0".repeat(64), env: cacheEnv(cache) }),
      /fails its checksum/,
      cache,
    );
    assert.match(err.message, /Expected sha256 0{64} \(given\)/);
  });

  test("error: an abort while unpacking is a CanceledError and leaves nothing", async () => {
    const cache = join(await fresh("abort"), "cache");
    const controller = new AbortController();
    const install = installSeid({
      from: REAL_V662,
      env: cacheEnv(cache),
      signal: controller.signal,
      onProgress: (line) => {
        if (line.startsWith("unpacking")) setTimeout(() => controller.abort(new Error("stop")), 300);
      },
    });
    await assert.rejects(install, (err: unknown) => err instanceof CanceledError);
    assert.deepEqual(await seidCacheEntries(cache), []);
  });

  test("error: no checksum for an archive is an InfraError saying so", async () => {
    const dir = await fresh("no-sum");
    const archive = join(dir, "seid-v6.6.2-linux-amd64.tar.xz");
    await symlink(REAL_V662, archive);
    const cache = join(dir, "cache");
    await rejectsClean(
      installSeid({ from: archive, env: cacheEnv(cache) }),
      /No checksum.*\n\nThere is no/,
      cache,
    );
    await writeFile(join(dir, "SHA256SUMS"), `${"a".repeat(64)}  other.tar.xz\n`);
    await rejectsClean(installSeid({ from: archive, env: cacheEnv(cache) }), /does not list seid-v6/, cache);
  });

  test("error: a truncated archive (first 1 MB, matching SHA256SUMS) is an InfraError quoting tar", async () => {
    const dir = await fresh("truncated");
    const archive = join(dir, "seid-v6.6.2-linux-amd64.tar.xz");
    const source = await open(REAL_V662);
    const head = Buffer.alloc(1024 * 1024);
    await source.read(head, 0, head.length, 0);
    await source.close();
    await writeFile(archive, head);
    await writeSums(dir, archive);
    const cache = join(dir, "cache");
    const err = await rejectsClean(installSeid({ from: archive, env: cacheEnv(cache) }), /is corrupt/, cache);
    assert.match(err.details ?? "", /tar|xz|Unexpected EOF/i);
  });

  test("error: a seid that reports the wrong commit for its release is an InfraError", async () => {
    const dir = await fresh("wrong-commit");
    const archive = await fakeBundleArchive(dir, {
      name: "seid-v6.6.2-linux-amd64",
      version: "v6.6.2",
      commit: "0".repeat(40),
      buildTxt: "fake\n",
    });
    const cache = join(dir, "cache");
    const err = await rejectsClean(
      installSeid({ from: archive, env: cacheEnv(cache) }),
      /holds the wrong seid: it reports v6\.6\.2, commit 0{40}/,
      cache,
    );
    assert.ok(
      err.metaMessages.includes(
        `Expected commit ${V662_COMMIT}: its name (seid-v6.6.2-linux-amd64.tar.xz) says v6.6.2.`,
      ),
    );
  });

  test("error: BUILD.txt naming another commit than seid reports is an InfraError", async () => {
    const dir = await fresh("build-txt");
    const archive = await fakeBundleArchive(dir, {
      ...V999,
      name: "custom",
      buildTxt: `seid v6.5.2 (sei-chain commit ${"a".repeat(40)}), tampered\n`,
    });
    const cache = join(dir, "cache");
    const err = await rejectsClean(installSeid({ from: archive, env: cacheEnv(cache) }), /wrong seid/, cache);
    assert.match(err.message, /its BUILD\.txt says v6\.5\.2/);
    assert.match(err.message, /release v6\.5\.2/);
  });

  test("error: a seid that will not run is an InfraError quoting it", async () => {
    const dir = await fresh("no-run");
    const archive = await fakeBundleArchive(dir, { ...V999, exitCode: 127 });
    const cache = join(dir, "cache");
    const err = await rejectsClean(
      installSeid({ from: archive, env: cacheEnv(cache) }),
      /does not run/,
      cache,
    );
    assert.match(err.details ?? "", /libfake\.so/);
  });

  test("error: an archive without bin/seid is not a seid bundle", async () => {
    const dir = await fresh("not-bundle");
    await mkdir(join(dir, "src", "stuff"), { recursive: true });
    await writeFile(join(dir, "src", "stuff", "README"), "hi\n");
    const archive = join(dir, "stuff.tar.xz");
    await execa("tar", ["-cJf", archive, "-C", join(dir, "src"), "stuff"]);
    await writeSums(dir, archive);
    const cache = join(dir, "cache");
    await rejectsClean(installSeid({ from: archive, env: cacheEnv(cache) }), /is not a seid bundle/, cache);
  });

  test("error: a ref the bundle does not hold is an InfraError", async () => {
    const dir = await fresh("ref-mismatch");
    const archive = await fakeBundleArchive(dir, V999);
    const cache = join(dir, "cache");
    await rejectsClean(
      installSeid({ from: archive, ref: "abcdef1", env: cacheEnv(cache) }),
      /Expected commit abcdef1: ref abcdef1/,
      cache,
    );
  });
});

describe("installSeid from a bundle: inputs", () => {
  test("behavior: an unknown release installs as what it reports; ref and force are honoured", async () => {
    const dir = await fresh("unknown-release");
    const archive = await fakeBundleArchive(dir, V999);
    const env = cacheEnv(join(dir, "cache"));
    const first = await installSeid({ from: archive, ref: "v9.9.9", env });
    assert.deepEqual([first.cached, first.version, first.commit], [false, "v9.9.9", V999.commit]);
    const hit = await installSeid({ from: archive, ref: V999.commit.slice(0, 8), env });
    assert.equal(hit.cached, true);
    const forced = await installSeid({ from: archive, force: true, env });
    assert.equal(forced.cached, false);
    assert.deepEqual(await seidCacheEntries(env.SEINET_CACHE as string), [V999.commit]);
  });

  test("behavior: a directory needs no checksum; its manifest records sha256 null", async () => {
    const dir = await fresh("dir-bundle");
    const bundle = await fakeBundleDir(join(dir, "src"), V999);
    const env = cacheEnv(join(dir, "cache"));
    const installed = await installSeid({ from: bundle, env });
    assert.deepEqual([installed.cached, installed.sha256, installed.source], [false, undefined, "bundle"]);
    const manifest = JSON.parse(
      await readFile(join(dir, "cache", "seid", V999.commit, "build.json"), "utf8"),
    );
    assert.equal(manifest.sha256, null);
    assert.equal((await installSeid({ from: join(dir, "src"), env })).cached, true); // so does its parent
  });

  test("error: bad inputs are UsageErrors before anything is written", async () => {
    const dir = await fresh("usage");
    const bundle = await fakeBundleDir(dir, V999);
    const cache = join(dir, "cache");
    const cases: [Parameters<typeof installSeid>[0], string][] = [
      [{ from: REAL_V662, sha256: "xyz" }, "sha256"],
      [{ from: bundle, sha256: "a".repeat(64) }, "sha256"],
      [{ from: join(dir, "missing.tar.xz") }, "from"],
      [{ from: REAL_V662, ref: "bad ref!" }, "ref"],
      [{ sha256: "a".repeat(64) }, "sha256"],
    ];
    for (const [options, field] of cases) {
      await assert.rejects(installSeid({ ...options, env: cacheEnv(cache) }), (err: unknown) => {
        assert.ok(err instanceof UsageError, `${JSON.stringify(options)}: ${String(err)}`);
        assert.equal(err.field, field);
        return true;
      });
    }
    await assert.rejects(
      installSeid({ env: cacheEnv(cache, { SEINET_SEID_BUNDLE: join(dir, "gone") }) }),
      (err: unknown) => err instanceof UsageError && err.field === "SEINET_SEID_BUNDLE",
    );
    assert.deepEqual(await seidCacheEntries(cache), []);
  });

  test("behavior: a copied bundle keeps its symlinks", async () => {
    const dir = await fresh("symlinks");
    const bundle = await fakeBundleDir(dir, V999);
    await symlink("libfake.so", join(bundle, "lib", "libfake.so.1"));
    const installed = await installSeid({ from: bundle, env: cacheEnv(join(dir, "cache")) });
    const lib = join(installed.path, "..", "..", "lib");
    assert.equal(await readFile(join(lib, "libfake.so.1"), "utf8"), "not really a library\n");
    await copyFile(join(lib, "libfake.so.1"), join(dir, "probe")); // resolves inside the cache entry
  });
});
