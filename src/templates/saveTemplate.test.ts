import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { generateTestAccount } from "../chain/testAccount.js";
import type { Checkpoint } from "../client/checkpoint.js";
import type { Network } from "../client/handles.js";
import { saveTemplate } from "./saveTemplate.js";
import { listTemplates } from "./templateCache.js";
import { templateFacts } from "./templateKey.js";

test("behavior: a checkpoint whose validators found no safe point is not kept as a template, and is deleted", async (t) => {
  const root = await mkdtemp(join(tmpdir(), "seinet-save-template-"));
  t.after(() => rm(root, { recursive: true, force: true }));
  const deleted: string[] = [];
  const record: Checkpoint = {
    name: "template-k",
    network: "n",
    namespace: "default",
    height: 9,
    seid: ["v6.6.2"],
    nodes: ["n-0"],
    createdAt: new Date().toISOString(),
    bytes: 1,
    copyMs: 1,
    safePoint: false,
  };
  const network = {
    name: "n",
    waitReady: async () => {},
    checkpoint: async () => record,
    deleteCheckpoint: async (name: string) => void deleted.push(name),
  } as unknown as Network;
  const progress: string[] = [];
  await saveTemplate(network, {
    root,
    key: "k",
    facts: templateFacts({ name: "n", validators: 1 }, "local", { path: "/bin/seid", version: "v6.6.2" }),
    testAccount: generateTestAccount(),
    checkpointsDir: join(root, "checkpoints"),
    roles: { "n-0": "validator" },
    signal: undefined,
    progress: (line) => progress.push(line),
  });
  assert.deepEqual(await listTemplates({ root }), []);
  assert.deepEqual(deleted, ["template-k"]);
  assert.match(progress.at(-1) ?? "", /not kept as a template/);
});
