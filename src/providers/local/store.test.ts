import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { InfraError } from "../../errors/infra.js";
import { atomicWrite } from "../../internal/atomicWrite.js";
import type { NetworkRecord, NodeRecord } from "./records.js";
import { StateStore } from "./store.js";

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), "seinet-store-"));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

let counter = 0;
/** A fresh state root per test, under the suite's temp dir. */
function freshStore(): StateStore {
  counter += 1;
  return new StateStore(join(root, `s${counter}`));
}

function nodeRecord(name: string, namespace = "default", extra: Partial<NodeRecord> = {}): NodeRecord {
  return {
    kind: "node",
    name,
    namespace,
    network: "net",
    networkNamespace: namespace,
    role: "validator",
    ordinal: 0,
    seid: { path: "/usr/local/bin/seid", version: "v6.0.0" },
    ports: { p2p: 21000, rpc: 21001, rest: 21002, evmHttp: 21003, evmWs: 21004, grpc: 21005, grpcWeb: 21006 },
    nodeId: "ab".repeat(20),
    host: "127.0.0.1",
    home: `/state/${namespace}/nodes/${name}/home`,
    logFile: `/state/${namespace}/nodes/${name}/seid.log`,
    labels: { "sei.io/network": "net" },
    config: { "p2p.pex": "false" },
    createdAt: "2024-01-01T00:00:00.000Z",
    state: "started",
    ...extra,
  };
}

function networkRecord(name: string, namespace = "default"): NetworkRecord {
  return {
    kind: "network",
    name,
    namespace,
    chainId: name,
    validators: [`${name}-0`, `${name}-1`],
    sentry: `${name}-sentry`,
    seid: { path: "/usr/local/bin/seid" },
    testAccount: { privateKey: "0x01", evmAddress: "0x02", seiAddress: "sei1x" },
    labels: {},
    createdAt: "2024-01-01T00:00:00.000Z",
    state: "started",
  };
}

async function allFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String);
}

describe("StateStore", () => {
  test("default: node, network and proc records round trip", async () => {
    const store = freshStore();
    const node = nodeRecord("net-0");
    const network = networkRecord("net");
    await store.writeNode(node);
    await store.writeNetwork(network);
    await store.writeProc("default", "net-0", { pgid: 10, pid: 11, startedAt: "2024-01-01T00:00:00.000Z" });
    assert.deepEqual(await store.readNode("default", "net-0"), node);
    assert.deepEqual(await store.readNetwork("default", "net"), network);
    assert.deepEqual(await store.readProc("default", "net-0"), {
      pgid: 10,
      pid: 11,
      startedAt: "2024-01-01T00:00:00.000Z",
    });
  });

  test("behavior: files live where nodePaths and networkFile say, readable only by the owner", async () => {
    const store = freshStore();
    await store.writeNode(nodeRecord("n", "ns1"));
    await store.writeNetwork(networkRecord("net", "ns1"));
    const paths = store.nodePaths("ns1", "n");
    assert.equal(paths.dir, join(store.root, "ns1", "nodes", "n"));
    assert.equal(paths.record, join(paths.dir, "node.json"));
    assert.equal(paths.log, join(paths.dir, "seid.log"));
    assert.equal(store.networkFile("ns1", "net"), join(store.root, "ns1", "networks", "net.json"));
    assert.equal((await stat(paths.record)).mode & 0o777, 0o600);
    assert.equal((await stat(store.networkFile("ns1", "net"))).mode & 0o777, 0o600);
    assert.ok((await readFile(paths.record, "utf8")).endsWith("}\n"));
  });

  test("behavior: a rewrite replaces the record", async () => {
    const store = freshStore();
    await store.writeNode(nodeRecord("n"));
    await store.writeNode(nodeRecord("n", "default", { state: "terminating" }));
    assert.equal((await store.readNode("default", "n"))?.state, "terminating");
  });

  test("behavior: missing records read as undefined", async () => {
    const store = freshStore();
    assert.equal(await store.readNode("default", "nope"), undefined);
    assert.equal(await store.readNetwork("default", "nope"), undefined);
    assert.equal(await store.readProc("default", "nope"), undefined);
  });

  test("behavior: listNodes and listNetworks across namespaces, or in one", async () => {
    const store = freshStore();
    assert.deepEqual(await store.listNodes(), []);
    assert.deepEqual(await store.listNetworks(), []);
    await store.writeNode(nodeRecord("a-0", "alpha"));
    await store.writeNode(nodeRecord("a-1", "alpha"));
    await store.writeNode(nodeRecord("b-0", "beta"));
    await store.writeNetwork(networkRecord("a", "alpha"));
    await store.writeNetwork(networkRecord("b", "beta"));
    await store.writeNetwork(networkRecord("c", "beta"));
    // Stray files are not records.
    await writeFile(join(store.root, "beta", "networks", "notes.txt"), "x");
    await writeFile(join(store.root, "stray-file"), "x");

    const names = (records: { namespace: string; name: string }[]) =>
      records.map((r) => `${r.namespace}/${r.name}`).sort();
    assert.deepEqual(names(await store.listNodes()), ["alpha/a-0", "alpha/a-1", "beta/b-0"]);
    assert.deepEqual(names(await store.listNodes("alpha")), ["alpha/a-0", "alpha/a-1"]);
    assert.deepEqual(names(await store.listNodes("gamma")), []);
    assert.deepEqual(names(await store.listNetworks()), ["alpha/a", "beta/b", "beta/c"]);
    assert.deepEqual(names(await store.listNetworks("beta")), ["beta/b", "beta/c"]);
    assert.deepEqual((await store.namespaces()).sort(), ["alpha", "beta"]);
  });

  test("behavior: a node directory without a record is not listed", async () => {
    const store = freshStore();
    await store.writeNode(nodeRecord("n"));
    await store.writeProc("default", "n", { pgid: 1, pid: 2, startedAt: "" });
    await rm(store.nodePaths("default", "n").record);
    assert.deepEqual(await store.listNodes(), []);
  });

  test("behavior: removeNode and removeNetwork delete, and are safe to repeat", async () => {
    const store = freshStore();
    await store.writeNode(nodeRecord("n"));
    await store.writeNetwork(networkRecord("net"));
    await writeFile(store.nodePaths("default", "n").log, "log\n");
    await store.removeNode("default", "n");
    await store.removeNetwork("default", "net");
    await store.removeNode("default", "n");
    await store.removeNetwork("default", "net");
    assert.deepEqual(await store.listNodes(), []);
    assert.deepEqual(await store.listNetworks(), []);
  });

  test("behavior: namespace() maps an empty namespace to default", () => {
    assert.equal(StateStore.namespace(undefined), "default");
    assert.equal(StateStore.namespace(""), "default");
    assert.equal(StateStore.namespace("ci"), "ci");
  });

  test("behavior: writes leave no temporary files", async () => {
    const store = freshStore();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => store.writeNode(nodeRecord("n", "default", { ordinal: i }))),
    );
    await store.writeNetwork(networkRecord("net"));
    await store.writeProc("default", "n", { pgid: 1, pid: 2, startedAt: "" });
    const files = await allFiles(store.root);
    assert.deepEqual(
      files.filter((f) => f.endsWith(".tmp")),
      [],
    );
    // Ten concurrent writers: the record is one of them, whole.
    const ordinal = (await store.readNode("default", "n"))?.ordinal;
    assert.ok(ordinal !== undefined && ordinal >= 0 && ordinal < 10);
  });

  test("error: an unreadable record is an InfraError naming the file", async () => {
    const store = freshStore();
    await store.writeNode(nodeRecord("n"));
    const path = store.nodePaths("default", "n").record;
    await writeFile(path, "{ half");
    await assert.rejects(
      store.readNode("default", "n"),
      (err: unknown) =>
        err instanceof InfraError &&
        err.shortMessage === `Cannot read seinet state file ${path}.` &&
        err.cause instanceof SyntaxError,
    );
    await assert.rejects(store.listNodes(), InfraError);
  });
});

describe("StateStore.withLock", () => {
  test("default: returns what the critical section returns and releases the lock", async () => {
    const store = freshStore();
    assert.equal(await store.withLock(async () => 42), 42);
    assert.equal(await store.withLock(async () => "again"), "again");
    assert.deepEqual(await readdir(store.root), []);
  });

  test("behavior: the lock is released when the critical section throws", async () => {
    const store = freshStore();
    await assert.rejects(
      store.withLock(async () => {
        throw new Error("boom");
      }),
      { message: "boom" },
    );
    assert.equal(await store.withLock(async () => "next"), "next");
  });

  test("behavior: two concurrent critical sections never overlap", async () => {
    const store = freshStore();
    const events: string[] = [];
    const section = (name: string) =>
      store.withLock(async () => {
        events.push(`${name}:in`);
        await delay(100);
        events.push(`${name}:out`);
        return name;
      });
    const results = await Promise.all([section("a"), section("b"), section("c")]);
    assert.deepEqual(results, ["a", "b", "c"]);
    for (let i = 0; i < events.length; i += 2) {
      const name = events[i]?.split(":")[0];
      assert.deepEqual([events[i], events[i + 1]], [`${name}:in`, `${name}:out`], events.join(" "));
    }
  });

  test("behavior: two processes holding the lock never overlap", async () => {
    const store = freshStore();
    const journal = join(root, `journal-${counter}`);
    const script = join(root, `locker-${counter}.mts`);
    const storeUrl = new URL("./store.ts", import.meta.url).href;
    await writeFile(
      script,
      [
        'import { appendFileSync } from "node:fs";',
        'import { setTimeout as delay } from "node:timers/promises";',
        `const { StateStore } = await import(${JSON.stringify(storeUrl)});`,
        "const [root, journal, name] = process.argv.slice(2);",
        "await new StateStore(root).withLock(async () => {",
        "  appendFileSync(journal, `${name}:in\\n`);",
        "  await delay(300);",
        "  appendFileSync(journal, `${name}:out\\n`);",
        "});",
      ].join("\n"),
    );
    const repo = fileURLToPath(new URL("../../..", import.meta.url));
    const run = (name: string) =>
      new Promise<number | null>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", script, store.root, journal, name], {
          cwd: repo,
          stdio: ["ignore", "ignore", "inherit"],
        });
        child.once("error", reject);
        child.once("exit", resolve);
      });
    assert.deepEqual(await Promise.all([run("p"), run("q")]), [0, 0]);
    const lines = (await readFile(journal, "utf8")).trim().split("\n");
    assert.equal(lines.length, 4);
    const first = lines[0]?.split(":")[0];
    const second = first === "p" ? "q" : "p";
    assert.deepEqual(lines, [`${first}:in`, `${first}:out`, `${second}:in`, `${second}:out`]);
  });
});

describe("atomicWrite", () => {
  test("default: writes the content with mode 0600 and no temporary file", async () => {
    const dir = await mkdtemp(join(root, "aw-"));
    const path = join(dir, "file.json");
    await atomicWrite(path, "one\n");
    await atomicWrite(path, "two\n");
    assert.equal(await readFile(path, "utf8"), "two\n");
    assert.equal((await stat(path)).mode & 0o777, 0o600);
    assert.deepEqual(await readdir(dir), ["file.json"]);
  });

  test("behavior: a mode can be given", async () => {
    const dir = await mkdtemp(join(root, "aw-"));
    const path = join(dir, "script");
    await atomicWrite(path, "#!/bin/sh\n", 0o700);
    assert.equal((await stat(path)).mode & 0o777, 0o700);
  });

  test("error: a failed write rejects and leaves no temporary file", async () => {
    const dir = await mkdtemp(join(root, "aw-"));
    await assert.rejects(atomicWrite(join(dir, "missing", "file"), "x"), { code: "ENOENT" });
    // Renaming onto a directory fails after the temp file was written: it is removed.
    await writeFile(join(dir, "keep"), "");
    await mkdir(join(dir, "target"));
    await writeFile(join(dir, "target", "inside"), "");
    await assert.rejects(atomicWrite(join(dir, "target"), "x"));
    assert.deepEqual((await readdir(dir)).sort(), ["keep", "target"]);
  });
});
