// `seinet image build` against a real Docker engine: a seid image with no base
// image, built from the real v6.6.2 bundle, runs seid (version, init into a
// volume); a second build is a cache hit; bad input and a missing daemon fail
// before anything happens.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { promisify } from "node:util";
import { InfraError } from "../../src/errors/infra.js";
import { TimeoutError } from "../../src/errors/timeout.js";
import { UsageError } from "../../src/errors/usage.js";
import { buildSeidImage } from "../../src/index.js";
import { LABEL_SEID_COMMIT, LABEL_SEID_VERSION } from "../../src/labels.js";
import { type DockerEngine, ensureDockerEngine, repoRoot } from "./engine.js";

const run = promisify(execFile);
const BUNDLE = join(repoRoot, "..", "shared", "seid", "seid-v6.6.2-linux-amd64.tar.xz");
const COMMIT = "3e7d5ddeb06406c6b759d7e8748d972f71d4dd7c";
// A tag of this run only, so the first build is never an earlier run's cache hit.
const TAG = `seinet-test/seid:e2e-${process.pid}-${Date.now().toString(36)}`;
const VOLUME = `seinet-test-home-${process.pid}`;

function docker(args: string[], timeoutMs = 60_000) {
  return run("docker", args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 });
}

describe("image build (real Docker engine)", { timeout: 10 * 60_000 }, () => {
  let engine: DockerEngine | undefined;
  let first: Awaited<ReturnType<typeof buildSeidImage>> | undefined;

  before(async () => {
    engine = await ensureDockerEngine((line) => console.error(line));
  });

  after(async () => {
    await docker(["volume", "rm", "-f", VOLUME]).catch(() => {});
    await docker(["image", "rm", TAG]).catch(() => {});
    await engine?.stop();
  });

  test("default: builds from the v6.6.2 bundle; `docker run <tag> version --long` is v6.6.2", async () => {
    const lines: string[] = [];
    first = await buildSeidImage({
      from: BUNDLE,
      tag: TAG,
      onProgress: (l) => lines.push(l),
      signal: AbortSignal.timeout(5 * 60_000),
    });
    console.error(`cold build: ${(first.durationMs / 1000).toFixed(1)} s`);
    assert.equal(first.cached, false);
    assert.equal(first.tag, TAG);
    assert.equal(first.version, "v6.6.2");
    assert.equal(first.commit, COMMIT);
    assert.match(first.imageId, /^sha256:[0-9a-f]{64}$/);
    assert.ok(
      lines.some((l) => /^Step 1\/\d+ : FROM scratch$/.test(l)),
      lines.join("\n"),
    );

    const { stdout } = await docker(["run", "--rm", TAG, "version", "--long"]);
    assert.match(stdout, /^version: v6\.6\.2$/m);
    assert.match(stdout, new RegExp(`^commit: ${COMMIT}$`, "m"));

    const inspect = JSON.parse((await docker(["image", "inspect", TAG])).stdout) as {
      Config: { Labels: Record<string, string>; User: string; Entrypoint: string[] };
    }[];
    const config = inspect[0]?.Config;
    assert.equal(config?.Labels["app.kubernetes.io/managed-by"], "seinet");
    assert.equal(config?.Labels[LABEL_SEID_VERSION], "v6.6.2");
    assert.equal(config?.Labels[LABEL_SEID_COMMIT], COMMIT);
    assert.equal(config?.User, "1000:1000");
    assert.deepEqual(config?.Entrypoint, ["/seid/bin/seid"]);
  });

  test("behavior: a second build of the same content is cached and builds nothing", async () => {
    assert.ok(first, "the first build ran");
    const lines: string[] = [];
    const second = await buildSeidImage({ from: BUNDLE, tag: TAG, onProgress: (l) => lines.push(l) });
    console.error(`cached build: ${(second.durationMs / 1000).toFixed(1)} s`);
    assert.equal(second.cached, true);
    assert.equal(second.imageId, first.imageId);
    assert.equal(second.contentHash, first.contentHash);
    assert.ok(!lines.some((l) => l.startsWith("Step ")), lines.join("\n"));
    // The archive's memo names the image: no unpacking, no builder.
    assert.ok(second.durationMs < 15_000, `cached build took ${second.durationMs} ms`);
  });

  test("default: the default tag is seinet/seid:<version>-<content hash>", async () => {
    assert.ok(first, "the first build ran");
    const image = await buildSeidImage({ from: BUNDLE });
    assert.equal(image.tag, `seinet/seid:v6.6.2-${first.contentHash.slice(0, 12)}`);
    assert.equal(image.contentHash, first.contentHash);
  });

  test("default: `seid` and the installed seid (no option) give the same content, so the same image", async () => {
    assert.ok(first, "the first build ran");
    const dir = await mkdtemp(join(tmpdir(), "seinet-image-e2e-"));
    try {
      await run("tar", ["-xJf", BUNDLE, "-C", dir], { timeout: 120_000 });
      const root = join(dir, "seid-v6.6.2-linux-amd64");
      const bySeid = await buildSeidImage({ seid: join(root, "bin", "seid"), tag: TAG });
      assert.equal(bySeid.contentHash, first.contentHash);
      assert.equal(bySeid.cached, true);
      // The install cache's layout: <SEINET_CACHE>/seid/<commit>/{bin/seid,lib/}.
      await mkdir(join(dir, "cache", "seid"), { recursive: true });
      await symlink(root, join(dir, "cache", "seid", COMMIT));
      const installed = await buildSeidImage({
        tag: TAG,
        env: { ...process.env, SEINET_CACHE: join(dir, "cache") },
      });
      assert.equal(installed.contentHash, first.contentHash);
      assert.equal(installed.cached, true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("error: nothing to package (no option, empty install cache) is an InfraError naming install-seid", async () => {
    const dir = await mkdtemp(join(tmpdir(), "seinet-image-e2e-"));
    try {
      await assert.rejects(buildSeidImage({ env: { SEINET_CACHE: dir } }), (e: unknown) => {
        assert.ok(e instanceof InfraError, String(e));
        assert.match(e.message, /No seid to package[\s\S]*seinet install-seid/);
        return true;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("behavior: a deadline mid-way is a TimeoutError and leaves no unpacked bundle behind", async () => {
    const before = new Set((await readdir(tmpdir())).filter((n) => n.startsWith("seinet-image-")));
    await assert.rejects(
      buildSeidImage({
        from: BUNDLE,
        tag: `${TAG}-deadline`,
        signal: AbortSignal.timeout(1_000),
        env: { ...process.env, SEINET_CACHE: join(tmpdir(), `seinet-image-e2e-nocache-${process.pid}`) },
      }),
      TimeoutError,
    );
    const left = (await readdir(tmpdir())).filter((n) => n.startsWith("seinet-image-") && !before.has(n));
    assert.deepEqual(left, []);
  });

  test("behavior: `seid init` in a container writes a home into a volume that a second container reads", async () => {
    assert.ok(first, "the first build ran");
    await docker(["volume", "create", "--label", "app.kubernetes.io/managed-by=seinet", VOLUME]);
    const mount = `${VOLUME}:/home/sei/.sei`;
    // seid init prints its result (with node_id) as JSON on stderr.
    const init = await docker(["run", "--rm", "-v", mount, TAG, "init", "e2e", "--chain-id", "seinet-e2e"]);
    const nodeId = /"node_id":"([0-9a-f]{40})"/.exec(`${init.stdout}${init.stderr}`)?.[1];
    assert.ok(nodeId, `no node_id in seid init output:\n${init.stderr.slice(-500)}`);
    const shown = await docker(["run", "--rm", "-v", mount, TAG, "tendermint", "show-node-id"]);
    assert.equal(shown.stdout.trim(), nodeId);
    const genesis = await docker([
      "run",
      "--rm",
      "-v",
      mount,
      "--entrypoint",
      "seid",
      TAG,
      "validate-genesis",
    ]);
    assert.match(`${genesis.stdout}${genesis.stderr}`, /is a valid genesis file/);
  });

  test("error: bad input is a UsageError, before the daemon is even asked", async () => {
    const dockerHost = "unix:///nonexistent/docker.sock";
    await assert.rejects(buildSeidImage({ from: BUNDLE, tag: "Not A Tag", dockerHost }), (e: unknown) => {
      assert.ok(e instanceof UsageError);
      assert.equal(e.field, "tag");
      return true;
    });
    await assert.rejects(buildSeidImage({ from: BUNDLE, seid: "/bin/true", dockerHost }), UsageError);
    await assert.rejects(buildSeidImage({ from: "/nonexistent.tar.xz", dockerHost }), /does not exist/);
    await assert.rejects(buildSeidImage({ seid: "/etc/passwd", dockerHost }), (e: unknown) => {
      assert.ok(e instanceof UsageError);
      assert.equal(e.field, "seid");
      return true;
    });
    await assert.rejects(buildSeidImage({ from: BUNDLE, dockerHost: "ftp://x" }), UsageError);
  });

  test("error: no daemon at dockerHost is an InfraError naming it", async () => {
    const started = performance.now();
    await assert.rejects(
      buildSeidImage({ from: BUNDLE, dockerHost: "unix:///nonexistent/docker.sock" }),
      (e: unknown) => {
        assert.ok(e instanceof InfraError, String(e));
        assert.match(e.shortMessage, /No Docker daemon answers at unix:\/\/\/nonexistent\/docker\.sock/);
        return true;
      },
    );
    assert.ok(performance.now() - started < 10_000);
  });

  test("behavior: the CLI `seinet image build --from … --json` prints one document", async () => {
    assert.ok(first, "the first build ran");
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", "image", "build", "--from", BUNDLE, "--tag", TAG, "--json"],
      { cwd: repoRoot, timeout: 120_000 },
    );
    const doc = JSON.parse(stdout) as Record<string, unknown>;
    assert.equal(doc.schemaVersion, 1);
    assert.equal(doc.command, "image build");
    assert.equal(doc.tag, TAG);
    assert.equal(doc.cached, true);
    assert.equal(doc.imageId, first.imageId);
  });

  test("error: the CLI refuses `seinet image` without `build` (exit 2)", async () => {
    const result = await run(process.execPath, ["--import", "tsx", "src/cli/main.ts", "image", "--json"], {
      cwd: repoRoot,
      timeout: 60_000,
    }).then(
      () => assert.fail("expected a usage error"),
      (e: { code?: number; stdout?: string }) => e,
    );
    assert.equal(result.code, 2);
    assert.match(JSON.parse(result.stdout ?? "{}").error.message, /needs a subcommand/);
  });
});
