import assert from "node:assert/strict";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { InfraError } from "../errors/infra.js";
import { listInstalledSeids } from "./installedSeids.js";
import { SEI_CHAIN_COMMIT } from "./pinned.js";
import { isSeidVersion, resolveSeid } from "./resolveSeid.js";

let root: string;

/** Writes a tiny shell script named `seid` in `dir` (never run; only resolved). */
async function fakeSeid(dir: string, mode = 0o755): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, "seid");
  await writeFile(path, "#!/bin/sh\necho fake seid\n");
  await chmod(path, mode);
  return path;
}

before(async () => {
  root = await mkdtemp(join(tmpdir(), "seinet-resolve-"));
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

async function fresh(name: string): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  return dir;
}

function cachedPath(cache: string): string {
  return join(cache, "seid", SEI_CHAIN_COMMIT, "bin", "seid");
}

describe("resolveSeid", () => {
  test("default: the explicit binary option wins over everything", async () => {
    const dir = await fresh("option-wins");
    const option = await fakeSeid(join(dir, "option"));
    const fromEnv = await fakeSeid(join(dir, "env"));
    const onPath = await fakeSeid(join(dir, "path"));
    const cache = join(dir, "cache");
    await fakeSeid(join(cache, "seid", SEI_CHAIN_COMMIT, "bin"));
    const resolved = await resolveSeid({
      binary: option,
      env: { SEID_BINARY: fromEnv, PATH: join(dir, "path"), SEINET_CACHE: cache },
    });
    assert.deepEqual(resolved, { path: option, source: "option" });
    assert.notEqual(resolved.path, onPath);
  });

  test("behavior: SEID_BINARY comes second", async () => {
    const dir = await fresh("env-second");
    const fromEnv = await fakeSeid(join(dir, "env"));
    await fakeSeid(join(dir, "path"));
    const cache = join(dir, "cache");
    await fakeSeid(join(cache, "seid", SEI_CHAIN_COMMIT, "bin"));
    const resolved = await resolveSeid({
      env: { SEID_BINARY: fromEnv, PATH: join(dir, "path"), SEINET_CACHE: cache },
    });
    assert.deepEqual(resolved, { path: fromEnv, source: "SEID_BINARY" });
  });

  test("behavior: seid on PATH comes third, first executable match in PATH order", async () => {
    const dir = await fresh("path-third");
    const empty = await fresh("path-third/empty");
    await fakeSeid(join(dir, "noexec"), 0o644);
    const first = await fakeSeid(join(dir, "first"));
    await fakeSeid(join(dir, "second"));
    const cache = join(dir, "cache");
    await fakeSeid(join(cache, "seid", SEI_CHAIN_COMMIT, "bin"));
    const PATH = [
      "",
      empty,
      join(dir, "missing"),
      join(dir, "noexec"),
      join(dir, "first"),
      join(dir, "second"),
    ].join(delimiter);
    const resolved = await resolveSeid({ env: { PATH, SEINET_CACHE: cache } });
    assert.deepEqual(resolved, { path: first, source: "PATH" });
  });

  test("behavior: the install cache comes last, at <SEINET_CACHE>/seid/<commit>/bin/seid", async () => {
    const dir = await fresh("cache-last");
    const cache = join(dir, "cache");
    const cached = await fakeSeid(join(cache, "seid", SEI_CHAIN_COMMIT, "bin"));
    assert.equal(cached, cachedPath(cache));
    const resolved = await resolveSeid({
      env: { PATH: await fresh("cache-last/empty"), SEINET_CACHE: cache },
    });
    assert.deepEqual(resolved, { path: cached, source: "cache" });
  });

  test("behavior: the cache honours XDG_CACHE_HOME when SEINET_CACHE is unset", async () => {
    const dir = await fresh("xdg");
    const cached = await fakeSeid(join(dir, "seinet", "seid", SEI_CHAIN_COMMIT, "bin"));
    const resolved = await resolveSeid({ env: { PATH: "", XDG_CACHE_HOME: dir } });
    assert.deepEqual(resolved, { path: cached, source: "cache" });
  });

  test("error: nothing found is an InfraError that says to run seinet install-seid", async () => {
    const dir = await fresh("none");
    await fakeSeid(join(dir, "cache", "seid", "0000000", "bin")); // another commit does not count
    await assert.rejects(
      resolveSeid({ env: { PATH: await fresh("none/empty"), SEINET_CACHE: join(dir, "cache") } }),
      (err: unknown) => {
        assert.ok(err instanceof InfraError, String(err));
        assert.equal(err.shortMessage, "No seid binary found.");
        assert.match(err.message, /seinet install-seid/);
        assert.match(err.message, /SEID_BINARY/);
        return true;
      },
    );
  });

  test("error: a non-executable explicit binary is an InfraError, never skipped", async () => {
    const dir = await fresh("noexec-option");
    const plain = await fakeSeid(join(dir, "plain"), 0o644);
    const onPath = await fakeSeid(join(dir, "path"));
    await assert.rejects(resolveSeid({ binary: plain, env: { PATH: join(dir, "path") } }), (err: unknown) => {
      assert.ok(err instanceof InfraError, String(err));
      assert.ok(err.message.includes(plain));
      assert.ok(!err.message.includes(onPath));
      return true;
    });
    await assert.rejects(
      resolveSeid({ binary: join(dir, "does-not-exist"), env: { PATH: join(dir, "path") } }),
      InfraError,
    );
  });

  test("error: a non-executable SEID_BINARY is an InfraError, never skipped", async () => {
    const dir = await fresh("noexec-env");
    const plain = await fakeSeid(join(dir, "plain"), 0o644);
    await fakeSeid(join(dir, "path"));
    await assert.rejects(
      resolveSeid({ env: { SEID_BINARY: plain, PATH: join(dir, "path") } }),
      (err: unknown) =>
        err instanceof InfraError && err.message.includes("SEID_BINARY") && err.message.includes(plain),
    );
  });

  test("error: a directory is not a binary", async () => {
    const dir = await fresh("dirs");
    const asDir = join(dir, "option", "seid");
    await mkdir(asDir, { recursive: true });
    await assert.rejects(resolveSeid({ binary: asDir, env: { PATH: "" } }), InfraError);
    await assert.rejects(resolveSeid({ env: { SEID_BINARY: asDir, PATH: "" } }), InfraError);
    // A directory named seid on PATH is skipped in favour of a real one later on PATH.
    const real = await fakeSeid(join(dir, "real"));
    const resolved = await resolveSeid({
      env: { PATH: [join(dir, "option"), join(dir, "real")].join(delimiter) },
    });
    assert.deepEqual(resolved, { path: real, source: "PATH" });
  });

  test("behavior: empty option and empty SEID_BINARY count as unset", async () => {
    const dir = await fresh("empty-strings");
    const onPath = await fakeSeid(join(dir, "path"));
    const resolved = await resolveSeid({ binary: "", env: { SEID_BINARY: "", PATH: join(dir, "path") } });
    assert.deepEqual(resolved, { path: onPath, source: "PATH" });
  });
});

/** A cache entry like an install writes: `<cache>/seid/<commit>/{bin/seid,build.json}`. */
async function installedEntry(cache: string, commit: string, version: string): Promise<string> {
  const dir = join(cache, "seid", commit);
  const path = await fakeSeid(join(dir, "bin"));
  await writeFile(
    join(dir, "build.json"),
    JSON.stringify({ version, commit, source: "bundle", sha256: null }),
  );
  return path;
}

describe("resolveSeid by version", () => {
  const OLD = "ab134842ce1bd97af73021bcff5850ad6c29e534";

  test("behavior: binary may name an installed version or commit; several live side by side", async () => {
    const dir = await fresh("versions");
    const cache = join(dir, "cache");
    const pinned = await installedEntry(cache, SEI_CHAIN_COMMIT, "v6.6.2");
    const old = await installedEntry(cache, OLD, "v6.5.2");
    const onPath = await fakeSeid(join(dir, "path"));
    const env = { PATH: join(dir, "path"), SEID_BINARY: onPath, SEINET_CACHE: cache };
    assert.deepEqual(await resolveSeid({ binary: "v6.5.2", env }), { path: old, source: "cache" });
    assert.deepEqual(await resolveSeid({ binary: "v6.6.2", env }), { path: pinned, source: "cache" });
    assert.deepEqual(await resolveSeid({ binary: OLD, env }), { path: old, source: "cache" });
    assert.deepEqual(await resolveSeid({ binary: "ab13484", env }), { path: old, source: "cache" });
    assert.deepEqual(await resolveSeid({ env }), { path: onPath, source: "SEID_BINARY" });
    assert.deepEqual(
      (await listInstalledSeids(env)).map((s) => [s.version, s.commit, s.path]),
      [
        ["v6.5.2", OLD, old],
        ["v6.6.2", SEI_CHAIN_COMMIT, pinned],
      ],
    );
  });

  test("error: a version not installed is an InfraError naming install-seid --from", async () => {
    const dir = await fresh("version-missing");
    const cache = join(dir, "cache");
    await installedEntry(cache, SEI_CHAIN_COMMIT, "v6.6.2");
    await mkdir(join(cache, "seid", ".bundle-tmp", "bin"), { recursive: true }); // a temp dir never counts
    await assert.rejects(resolveSeid({ binary: "v6.5.2", env: { SEINET_CACHE: cache } }), (err: unknown) => {
      assert.ok(err instanceof InfraError, String(err));
      assert.equal(err.shortMessage, "seid v6.5.2 is not installed.");
      assert.match(err.message, /Installed: v6\.6\.2 \(commit 3e7d5dd/);
      assert.match(err.message, /seinet install-seid --from <bundle>/);
      return true;
    });
    await assert.rejects(
      resolveSeid({ binary: "v6.5.2", env: { SEINET_CACHE: join(dir, "empty") } }),
      /Nothing is installed/,
    );
  });

  test("behavior: a binary path that looks like a version is still a path when it has a slash", async () => {
    const dir = await fresh("version-path");
    const path = await fakeSeid(join(dir, "v6.5.2"));
    assert.deepEqual(await resolveSeid({ binary: path, env: { PATH: "" } }), { path, source: "option" });
    assert.equal(isSeidVersion("v6.5.2"), true);
    assert.equal(isSeidVersion("abcdef1"), true);
    assert.equal(isSeidVersion("seid"), false);
    assert.equal(isSeidVersion("./v6.5.2"), false);
  });

  test("error: a prefix matching two installed commits is ambiguous", async () => {
    const dir = await fresh("ambiguous");
    const cache = join(dir, "cache");
    await installedEntry(cache, `abcdef1${"0".repeat(33)}`, "v1.0.0");
    await installedEntry(cache, `abcdef1${"1".repeat(33)}`, "v1.0.1");
    await assert.rejects(resolveSeid({ binary: "abcdef1", env: { SEINET_CACHE: cache } }), /matches several/);
  });
});
