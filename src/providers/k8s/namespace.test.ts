import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { SERVICE_ACCOUNT_NAMESPACE_FILE, defaultNamespace } from "./namespace.js";

let dir: string;
let saFile: string;
let emptyFile: string;
const missing = "/nonexistent/serviceaccount/namespace";

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "seinet-ns-"));
  saFile = join(dir, "namespace");
  emptyFile = join(dir, "empty");
  await writeFile(saFile, "from-sa\n");
  await writeFile(emptyFile, "  \n");
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("defaultNamespace", () => {
  test("default: the standard service-account file path", () => {
    assert.equal(SERVICE_ACCOUNT_NAMESPACE_FILE, "/var/run/secrets/kubernetes.io/serviceaccount/namespace");
  });

  test("behavior: the context namespace wins", () => {
    assert.equal(defaultNamespace("from-context", { POD_NAMESPACE: "from-pod" }, saFile), "from-context");
    assert.equal(defaultNamespace(" padded ", {}, missing), "padded");
  });

  test("behavior: POD_NAMESPACE comes second", () => {
    assert.equal(defaultNamespace(undefined, { POD_NAMESPACE: "from-pod" }, saFile), "from-pod");
    assert.equal(defaultNamespace("  ", { POD_NAMESPACE: "from-pod\n" }, saFile), "from-pod");
  });

  test("behavior: the service-account file comes third, trailing newline trimmed", () => {
    assert.equal(defaultNamespace(undefined, {}, saFile), "from-sa");
    assert.equal(defaultNamespace("", { POD_NAMESPACE: "" }, saFile), "from-sa");
    assert.equal(defaultNamespace(undefined, { POD_NAMESPACE: " " }, saFile), "from-sa");
  });

  test("behavior: default when nothing else says", () => {
    assert.equal(defaultNamespace(undefined, {}, missing), "default");
    assert.equal(defaultNamespace(undefined, {}, emptyFile), "default");
    assert.equal(defaultNamespace(undefined, {}, dir), "default");
  });
});
