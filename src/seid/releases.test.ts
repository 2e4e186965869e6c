import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, test } from "node:test";
import { SHARED_SEID } from "./bundles.fixture.js";
import { SEI_CHAIN_COMMIT, SEI_CHAIN_RELEASE } from "./pinned.js";
import {
  KNOWN_RELEASES,
  releaseCommit,
  releaseInBuildTxt,
  releaseInBundleName,
  releaseOf,
} from "./releases.js";
import { parseSeidVersion } from "./seidVersion.js";

describe("known releases", () => {
  test("default: v6.6.2 and v6.5.2, the pinned release among them", () => {
    assert.deepEqual(KNOWN_RELEASES, {
      "v6.6.2": "3e7d5ddeb06406c6b759d7e8748d972f71d4dd7c",
      "v6.5.2": "ab134842ce1bd97af73021bcff5850ad6c29e534",
    });
    assert.equal(releaseCommit(SEI_CHAIN_RELEASE), SEI_CHAIN_COMMIT);
    assert.equal(releaseOf(SEI_CHAIN_COMMIT), SEI_CHAIN_RELEASE);
    assert.equal(releaseCommit("v1.0.0"), undefined);
    assert.equal(releaseCommit("toString"), undefined);
  });

  test("behavior: a bundle's name says its release", () => {
    assert.equal(releaseInBundleName("/x/seid-v6.6.2-linux-amd64.tar.xz"), "v6.6.2");
    assert.equal(releaseInBundleName("seid-v6.5.2-linux-amd64"), "v6.5.2");
    assert.equal(releaseInBundleName("seid-v6.7.0-rc.1-linux-arm64.tar.xz"), "v6.7.0-rc.1");
    assert.equal(releaseInBundleName("custom.tar.xz"), undefined);
  });

  test("behavior: the real BUILD.txt names each release and its commit", async () => {
    const text = await readFile(join(SHARED_SEID, "BUILD.txt"), "utf8");
    const [first, second] = text.split("\n\n== ");
    assert.deepEqual(releaseInBuildTxt(first ?? ""), { version: "v6.6.2", commit: KNOWN_RELEASES["v6.6.2"] });
    assert.deepEqual(releaseInBuildTxt(second ?? ""), {
      version: "v6.5.2",
      commit: KNOWN_RELEASES["v6.5.2"],
    });
    assert.equal(releaseInBuildTxt("nothing here"), undefined);
  });
});

describe("parseSeidVersion", () => {
  test("default: version and commit from `seid version --long`", () => {
    const text = `name: sei\nserver_name: seid\nversion: v6.6.2\ncommit: ${SEI_CHAIN_COMMIT}\nbuild_tags: netgo,ledger\n`;
    assert.deepEqual(parseSeidVersion(text), { version: "v6.6.2", commit: SEI_CHAIN_COMMIT });
  });

  test("error: missing or short commit, or no version, is undefined", () => {
    assert.equal(parseSeidVersion("version: v6.6.2\ncommit: 3e7d5dd\n"), undefined);
    assert.equal(parseSeidVersion(`commit: ${SEI_CHAIN_COMMIT}\n`), undefined);
    assert.equal(parseSeidVersion(""), undefined);
  });
});
