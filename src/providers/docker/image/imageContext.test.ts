import assert from "node:assert/strict";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import tar from "tar-stream";
import { type ImageFiles, contextEntries, contextHash, packContext, withLabels } from "./imageContext.js";

describe("image build context", () => {
  let dir: string;
  let files: ImageFiles;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "seinet-ctx-"));
    await mkdir(join(dir, "bundle", "bin"), { recursive: true });
    await mkdir(join(dir, "bundle", "lib"));
    await mkdir(join(dir, "host"));
    await writeFile(join(dir, "bundle", "bin", "seid"), "#!seid");
    await chmod(join(dir, "bundle", "bin", "seid"), 0o755);
    await writeFile(join(dir, "bundle", "lib", "libwasmvm.x86_64.so"), "wasm");
    await writeFile(join(dir, "host", "libc.so.6"), "libc");
    await writeFile(join(dir, "host", "ca.crt"), "certs");
    files = {
      binary: join(dir, "bundle", "bin", "seid"),
      libDir: join(dir, "bundle", "lib"),
      systemLibraries: [join(dir, "host", "libc.so.6")],
      caCertificates: join(dir, "host", "ca.crt"),
    };
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test("default: seid, its lib/, host libraries at their paths, /etc, /tmp 1777, the sei home", async () => {
    const entries = await contextEntries(files);
    const byName = new Map(entries.map((e) => [e.name, e]));
    assert.deepEqual(
      entries.map((e) => e.name),
      [...entries.map((e) => e.name)].sort(),
    );
    assert.equal(byName.get("rootfs/seid/bin/seid")?.mode, 0o755);
    assert.ok(byName.has("rootfs/seid/lib/libwasmvm.x86_64.so"));
    assert.ok(byName.has(`rootfs${join(dir, "host", "libc.so.6")}`));
    assert.ok(byName.has("rootfs/etc/ssl/certs/ca-certificates.crt"));
    assert.equal(byName.get("rootfs/tmp")?.mode, 0o1777);
    assert.match(String(byName.get("rootfs/etc/passwd")?.content), /^sei:x:1000:1000:sei:\/home\/sei:/m);
    assert.equal(byName.get("home/.sei")?.type, "directory");
    const dockerfile = String(byName.get("Dockerfile")?.content);
    assert.match(dockerfile, /^FROM scratch$/m);
    assert.match(dockerfile, /^ENTRYPOINT \["\/seid\/bin\/seid"\]$/m);
    assert.match(dockerfile, /^USER 1000:1000$/m);
  });

  test("behavior: the hash is stable and covers file contents and labels", async () => {
    const a = await contextHash(await contextEntries(files), "{}");
    assert.equal(await contextHash(await contextEntries(files), "{}"), a);
    assert.notEqual(await contextHash(await contextEntries(files), '{"x":"1"}'), a);
    await writeFile(join(dir, "host", "libc.so.6"), "libc, patched");
    assert.notEqual(await contextHash(await contextEntries(files), "{}"), a);
  });

  test("behavior: the packed tar holds every entry with its mode; the Dockerfile gets one LABEL line", async () => {
    const entries = withLabels(await contextEntries(files), { "sei.io/seid-version": "v6.6.2" });
    const extract = tar.extract();
    const seen = new Map<string, { mode: number; body: string }>();
    (await packContext(entries)).pipe(extract as unknown as NodeJS.WritableStream);
    for await (const entry of extract) {
      let body = "";
      for await (const chunk of entry) body += String(chunk);
      seen.set(entry.header.name.replace(/\/$/, ""), { mode: entry.header.mode ?? 0, body });
    }
    assert.deepEqual([...seen.keys()].sort(), entries.map((e) => e.name).sort());
    assert.equal(seen.get("rootfs/tmp")?.mode, 0o1777);
    assert.equal(seen.get("rootfs/seid/bin/seid")?.body, "#!seid");
    assert.match(seen.get("Dockerfile")?.body ?? "", /^LABEL "sei.io\/seid-version"="v6.6.2"$/m);
  });
});
