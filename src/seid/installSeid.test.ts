import assert from "node:assert/strict";
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { InfraError } from "../errors/infra.js";
import { UsageError } from "../errors/usage.js";
import { cacheRoot, seidCacheDir } from "./cacheDir.js";
import { installSeid } from "./installSeid.js";
import { SEI_CHAIN_COMMIT } from "./pinned.js";
import { checkToolchain } from "./toolchain.js";

let root: string;

before(async () => {
  root = await mkdtemp(join(tmpdir(), "seinet-install-"));
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

async function fresh(name: string): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Environment whose Go and C compiler do not exist, so any build attempt fails fast. */
function noToolsEnv(cache: string): NodeJS.ProcessEnv {
  return { SEINET_CACHE: cache, GO: "/nonexistent/go", CC: "/nonexistent/cc", PATH: process.env.PATH };
}

async function preCache(cache: string, ref: string, manifest: object | undefined): Promise<string> {
  const dir = join(cache, "seid", ref);
  await mkdir(join(dir, "bin"), { recursive: true });
  const binary = join(dir, "bin", "seid");
  await writeFile(binary, "#!/bin/sh\necho fake\n");
  await chmod(binary, 0o755);
  if (manifest) await writeFile(join(dir, "build.json"), JSON.stringify(manifest));
  return binary;
}

describe("cacheDir", () => {
  test("default: SEINET_CACHE, else XDG_CACHE_HOME/seinet, else ~/.cache/seinet", () => {
    assert.equal(cacheRoot({ SEINET_CACHE: "/c", XDG_CACHE_HOME: "/x" }), "/c");
    assert.equal(cacheRoot({ XDG_CACHE_HOME: "/x" }), "/x/seinet");
    assert.match(cacheRoot({}), /[/\\]\.cache[/\\]seinet$/);
    assert.equal(seidCacheDir("abcdef1", { SEINET_CACHE: "/c" }), "/c/seid/abcdef1");
  });
});

describe("installSeid", () => {
  test("error: a bad ref is a UsageError before anything runs", async () => {
    const cache = await fresh("bad-ref");
    for (const ref of [
      "main; rm -rf",
      "main",
      "",
      "abc",
      "ABCDEF1",
      "a".repeat(41),
      "v1.2",
      "../../etc",
      "bad ref!",
    ]) {
      const progress: string[] = [];
      await assert.rejects(
        installSeid({ ref, env: noToolsEnv(cache), onProgress: (l) => progress.push(l) }),
        (err: unknown) => {
          assert.ok(err instanceof UsageError, `${ref}: ${String(err)}`);
          assert.equal(err.field, "ref");
          assert.ok(err.message.includes(JSON.stringify(ref)), ref);
          return true;
        },
      );
      assert.deepEqual(progress, [], ref);
    }
    assert.deepEqual(await readdir(cache), []);
  });

  test("behavior: a cache hit returns cached:true without calling go", async () => {
    const cache = await fresh("hit");
    const ref = "abcdef1234567";
    const binary = await preCache(cache, ref, { version: "v0.0.0-x" });
    const progress: string[] = [];
    const started = performance.now();
    const installed = await installSeid({ ref, env: noToolsEnv(cache), onProgress: (l) => progress.push(l) });
    assert.ok(performance.now() - started < 2_000);
    assert.equal(installed.path, binary);
    assert.equal(installed.ref, ref);
    assert.equal(installed.cached, true);
    assert.equal(installed.version, "v0.0.0-x");
    assert.equal(typeof installed.durationMs, "number");
    assert.deepEqual(progress, [`seid ${ref} is cached at ${binary}`]);
  });

  test("default: the ref defaults to the pinned commit", async () => {
    const cache = await fresh("default-ref");
    const binary = await preCache(cache, SEI_CHAIN_COMMIT, { version: "v0.0.0-pinned" });
    const installed = await installSeid({ env: noToolsEnv(cache) });
    assert.deepEqual(
      { path: installed.path, ref: installed.ref, cached: installed.cached, version: installed.version },
      { path: binary, ref: SEI_CHAIN_COMMIT, cached: true, version: "v0.0.0-pinned" },
    );
  });

  test("behavior: module versions are accepted as refs", async () => {
    const cache = await fresh("version-ref");
    await preCache(cache, "v6.6.2-rc.1", { version: "v6.6.2-rc.1" });
    const installed = await installSeid({ ref: "v6.6.2-rc.1", env: noToolsEnv(cache) });
    assert.equal(installed.cached, true);
  });

  test("behavior: a manifest without a version gives version undefined", async () => {
    const cache = await fresh("no-version");
    await preCache(cache, "abcdef1", {});
    const installed = await installSeid({ ref: "abcdef1", env: noToolsEnv(cache) });
    assert.equal(installed.cached, true);
    assert.equal(installed.version, undefined);
  });

  test("error: a binary without build.json is not a cache hit; the toolchain check runs first", async () => {
    const cache = await fresh("no-manifest");
    await preCache(cache, "abcdef1", undefined);
    await assert.rejects(installSeid({ ref: "abcdef1", env: noToolsEnv(cache) }), InfraError);
  });

  test("behavior: a corrupt build.json is a cache miss (rebuild), not a crash", async () => {
    for (const [i, content] of ['{"vers', "null", ""].entries()) {
      const cache = await fresh(`corrupt-${i}`);
      await preCache(cache, "abcdef1", undefined);
      await writeFile(join(cache, "seid", "abcdef1", "build.json"), content);
      const progress: string[] = [];
      await assert.rejects(
        installSeid({ ref: "abcdef1", env: noToolsEnv(cache), onProgress: (l) => progress.push(l) }),
        (err: unknown) => err instanceof InfraError && /needs tools/.test(err.message),
        JSON.stringify(content),
      );
      assert.deepEqual(progress, ["checking for Go and a C compiler"]);
    }
  });

  test("error: force skips the cache and fails on the missing toolchain before building", async () => {
    const cache = await fresh("force");
    await preCache(cache, "abcdef1", { version: "v0.0.0-x" });
    const progress: string[] = [];
    await assert.rejects(
      installSeid({
        ref: "abcdef1",
        force: true,
        env: noToolsEnv(cache),
        onProgress: (l) => progress.push(l),
      }),
      (err: unknown) => err instanceof InfraError && /needs tools/.test(err.message),
    );
    assert.deepEqual(progress, ["checking for Go and a C compiler"]);
    // No build directory was left behind.
    assert.deepEqual(await readdir(join(cache, "seid")), ["abcdef1"]);
  });
});

describe("checkToolchain", () => {
  test("error: lists both missing tools", async () => {
    await assert.rejects(
      checkToolchain({ GO: "/nonexistent/go", CC: "/nonexistent/cc", PATH: process.env.PATH }),
      (err: unknown) => {
        assert.ok(err instanceof InfraError, String(err));
        assert.equal(err.shortMessage, "Building seid needs tools this machine lacks.");
        assert.equal(err.metaMessages.length, 2);
        assert.match(err.message, /Go \("\/nonexistent\/go version" failed\)/);
        assert.match(err.message, /a C compiler \("\/nonexistent\/cc --version" failed; cgo needs one\)/);
        return true;
      },
    );
  });

  test("behavior: reports only the missing one, and returns versions when all are present", async () => {
    const dir = await fresh("tools");
    const go = join(dir, "go");
    const cc = join(dir, "cc");
    await writeFile(go, '#!/bin/sh\necho "go version go1.25.0 linux/amd64"\n');
    await writeFile(cc, '#!/bin/sh\necho "cc (fake) 13.2.0"\necho second line\n');
    await chmod(go, 0o755);
    await chmod(cc, 0o755);
    await assert.rejects(checkToolchain({ GO: go, CC: "/nonexistent/cc" }), (err: unknown) => {
      assert.ok(err instanceof InfraError);
      assert.equal(err.metaMessages.length, 1);
      assert.match(err.message, /C compiler/);
      assert.doesNotMatch(err.message, /install Go/);
      return true;
    });
    assert.deepEqual(await checkToolchain({ GO: go, CC: cc }), {
      go,
      goVersion: "go version go1.25.0 linux/amd64",
      cc,
    });
  });
});
