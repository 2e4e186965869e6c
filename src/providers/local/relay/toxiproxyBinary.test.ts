import assert from "node:assert/strict";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { TOXIPROXY_VERSION, findToxiproxy } from "./toxiproxyBinary.js";

describe("findToxiproxy", () => {
  test("default: the cache entry the install script builds, then PATH", async (t) => {
    const dir = await mkdtemp(join(tmpdir(), "seinet-toxi-"));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const onPath = join(dir, "bin", "toxiproxy-server");
    await mkdir(join(dir, "bin"));
    await writeFile(onPath, "#!/bin/sh\n");
    await chmod(onPath, 0o755);
    const env = { SEINET_CACHE: join(dir, "cache"), PATH: join(dir, "bin") };
    assert.equal(await findToxiproxy(env), onPath);
    const cached = join(dir, "cache", "toxiproxy", TOXIPROXY_VERSION, "bin", "toxiproxy-server");
    await mkdir(join(cached, ".."), { recursive: true });
    await writeFile(cached, "#!/bin/sh\n");
    await chmod(cached, 0o755);
    assert.equal(await findToxiproxy(env), cached);
  });

  test("args: $SEINET_TOXIPROXY wins; `off` means no relay", async () => {
    assert.equal(await findToxiproxy({ SEINET_TOXIPROXY: "/opt/tp" }), "/opt/tp");
    assert.equal(await findToxiproxy({ SEINET_TOXIPROXY: "off", PATH: "/usr/bin" }), undefined);
    assert.equal(await findToxiproxy({ SEINET_CACHE: "/nonexistent", PATH: "" }), undefined);
  });
});
