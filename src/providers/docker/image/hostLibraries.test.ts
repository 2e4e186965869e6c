import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseLdd } from "./hostLibraries.js";

describe("parseLdd", () => {
  test("default: resolved libraries and the loader, no vDSO", () => {
    const out = `	linux-vdso.so.1 (0x00007ffd5b1f2000)
	libwasmvm.x86_64.so => /opt/seid/bin/../lib/libwasmvm.x86_64.so (0x00007f4fda800000)
	libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f4fd961e000)
	/lib64/ld-linux-x86-64.so.2 (0x00007f4fdb0b8000)`;
    assert.deepEqual(parseLdd(out), {
      resolved: [
        "/opt/seid/bin/../lib/libwasmvm.x86_64.so",
        "/lib/x86_64-linux-gnu/libc.so.6",
        "/lib64/ld-linux-x86-64.so.2",
      ],
      missing: [],
      isStatic: false,
    });
  });

  test("behavior: `not found` libraries are reported, version warnings ignored", () => {
    const out = `/x/libevmone.so: /lib/x86_64-linux-gnu/libstdc++.so.6: version \`GLIBCXX_3.4.32' not found (required by /x/libevmone.so)
	libfoo.so.1 => not found
	libstdc++.so.6 => /lib/x86_64-linux-gnu/libstdc++.so.6 (0x00007f8b3ca00000)`;
    const parsed = parseLdd(out);
    assert.deepEqual(parsed.missing, ["libfoo.so.1"]);
    assert.deepEqual(parsed.resolved, ["/lib/x86_64-linux-gnu/libstdc++.so.6"]);
  });

  test("behavior: a static executable needs nothing", () => {
    assert.deepEqual(parseLdd("\tnot a dynamic executable\n"), { resolved: [], missing: [], isStatic: true });
  });
});
