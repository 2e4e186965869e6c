import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { testAccountFromMnemonic } from "../chain/testAccount.js";
import { NotFoundError } from "../errors/notFound.js";
import { UsageError } from "../errors/usage.js";
import { listTemplates, pruneTemplates, removeTemplate, storeTemplate } from "./templateCache.js";
import { templateFacts, templateKey } from "./templateKey.js";

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function made(root: string, chainId: string, createdAt: string) {
  const from = await mkdtemp(join(tmpdir(), "seinet-tpl-from-"));
  dirs.push(from);
  await mkdir(join(from, "n-0", "config"), { recursive: true });
  await writeFile(join(from, "n-0", "config", "genesis.json"), "{}");
  const facts = templateFacts({ name: "n", chainId, validators: 1 }, "local", { path: "/seid" });
  return storeTemplate(root, from, {
    key: templateKey(facts),
    facts,
    source: "n",
    nodes: [{ name: "n-0", role: "validator" }],
    testAccount: testAccountFromMnemonic("test test test test test test test test test test test junk"),
    createdAt,
    height: 5,
  });
}

test("behavior: stored, listed newest first, removed by key prefix; half-made ones pruned", async () => {
  const root = await mkdtemp(join(tmpdir(), "seinet-tpl-"));
  dirs.push(root);
  const old = await made(root, "a", "2020-01-01T00:00:00.000Z");
  const fresh = await made(root, "b", new Date().toISOString());
  assert.ok(old.bytes > 0);
  assert.deepEqual(
    (await listTemplates({ root })).map((t) => t.key),
    [fresh.key, old.key],
  );
  await mkdir(join(root, ".deadbeef.partial-999999999"));
  assert.deepEqual(
    await pruneTemplates({ root, olderThanMs: 86_400_000 }),
    [".deadbeef.partial-999999999", old.key].sort(),
  );
  await assert.rejects(removeTemplate("zz", { root }), UsageError);
  await assert.rejects(removeTemplate("0000", { root }), NotFoundError);
  await removeTemplate(fresh.key.slice(0, 6), { root });
  assert.deepEqual(await readdir(root), []);
});
