import assert from "node:assert/strict";
import { test } from "node:test";
import { UsageError } from "../errors/usage.js";
import { archiveManifest } from "./archiveManifest.fixture.js";
import { archiveSpec } from "./archiveSpec.js";
import { checkArchiveSeid, parseArchiveManifest } from "./checkpointArchive.js";

const m = archiveManifest({ "net-0": "validator", "net-1": "validator", "net-2": "validator" }, 9, {
  chainId: "sei",
  seid: { version: "v6.6.2", commit: "0123456789abcdef" },
  testAccounts: 4,
  config: { "consensus.timeout_commit": "150ms" },
});

test("a manifest is checked: JSON, kind, format, nodes", () => {
  assert.deepEqual(parseArchiveManifest("f", JSON.stringify(m)), m);
  assert.throws(() => parseArchiveManifest("f", "{"), /not JSON/);
  assert.throws(() => parseArchiveManifest("f", '{"kind":"other"}'), /no kind and format/);
  assert.throws(
    () => parseArchiveManifest("f", JSON.stringify({ ...m, format: 99 })),
    /format 99; this seinet reads format 1/,
  );
  assert.throws(
    () => parseArchiveManifest("f", JSON.stringify({ ...m, nodes: [{ name: "../x", role: "validator" }] })),
    UsageError,
  );
  assert.throws(() => parseArchiveManifest("f", JSON.stringify({ ...m, nodes: [] })), UsageError);
});

test("another seid commit is refused, naming the one to run; a commit prefix or an equal version is accepted", () => {
  checkArchiveSeid("f", m, { version: "v6.6.2", commit: "0123456789abcdef" });
  checkArchiveSeid("f", m, { commit: "0123456" });
  checkArchiveSeid("f", { ...m, seid: { version: "v6.6.2" } }, { version: "v6.6.2", path: "/x" } as never);
  assert.throws(
    () => checkArchiveSeid("f", m, { version: "v6.5.2", commit: "fedcba9876543210" }),
    (err: unknown) => {
      assert.ok(err instanceof UsageError);
      assert.match(err.message, /seid v6\.6\.2, commit 0123456789ab; this network would run seid v6\.5\.2/);
      assert.match(err.metaMessages?.join("\n") ?? "", /--binary v6\.6\.2/);
      return true;
    },
  );
  assert.throws(
    () => checkArchiveSeid("f", { ...m, seid: { version: "v6.6.2" } }, { version: "v6.5.2" }),
    UsageError,
  );
});

test("the archive decides the chain: the spec may name it and add config, not ask for another", () => {
  const spec = archiveSpec("f", m, { name: "ci", validators: 3, config: { "p2p.x": "1" } });
  assert.equal(spec.chainId, "sei");
  assert.equal(spec.testAccounts, 4);
  assert.deepEqual(spec.config, { "consensus.timeout_commit": "150ms", "p2p.x": "1" });
  assert.throws(() => archiveSpec("f", m, { name: "ci", validators: 4 }), { field: "validators" });
  assert.throws(() => archiveSpec("f", m, { name: "ci", validators: 3, chainId: "x" }), { field: "chainId" });
  assert.throws(() => archiveSpec("f", m, { name: "ci", validators: 3, genesis: {} }), { field: "genesis" });
  assert.throws(() => archiveSpec("f", m, { name: "ci", validators: 3, accounts: [] }), {
    field: "accounts",
  });
  assert.throws(() => archiveSpec("f", m, { name: "ci", validators: 3, testAccounts: 2 }), {
    field: "testAccounts",
  });
});
