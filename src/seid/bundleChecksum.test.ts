import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { InfraError } from "../errors/infra.js";
import { expectedSha256, sha256File } from "./bundleChecksum.js";

let root: string;
const A = "a".repeat(64);
const B = "B".repeat(64);

before(async () => {
  root = await mkdtemp(join(tmpdir(), "seinet-sum-"));
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("bundle checksums", () => {
  test("default: sha256File streams the file's sha256", async () => {
    await writeFile(join(root, "abc"), "abc");
    assert.equal(
      await sha256File(join(root, "abc")),
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  test("behavior: the given sha256 wins; else SHA256SUMS beside it, in sha256sum's formats", async () => {
    await writeFile(
      join(root, "SHA256SUMS"),
      `${A}  one.tar.xz\n${B} *two.tar.xz\n${A}  ./three.tar.xz\n\n# comment\n`,
    );
    assert.equal(await expectedSha256(join(root, "one.tar.xz"), B), B.toLowerCase());
    assert.equal(await expectedSha256(join(root, "one.tar.xz"), undefined), A);
    assert.equal(await expectedSha256(join(root, "two.tar.xz"), undefined), B.toLowerCase());
    assert.equal(await expectedSha256(join(root, "three.tar.xz"), undefined), A);
  });

  test("error: an archive SHA256SUMS does not list has no checksum", async () => {
    await assert.rejects(expectedSha256(join(root, "four.tar.xz"), undefined), (err: unknown) => {
      assert.ok(err instanceof InfraError);
      assert.equal(err.shortMessage, `No checksum for the seid bundle ${join(root, "four.tar.xz")}.`);
      assert.match(err.message, /does not list four\.tar\.xz/);
      return true;
    });
  });
});
