// The folders show the architecture: the CLI uses the public API, never a
// provider's internals, and each provider stands alone (what both local and
// docker need lives in src/chain or src/providers/node). A static scan of
// every relative import, beside lazyLoading.test.ts's check that the core
// loads no backend library.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const src = fileURLToPath(new URL(".", import.meta.url));
const providers = join(src, "providers");
/** Provider folders; `node` is the layer they share, not a provider. */
const PROVIDERS = readdirSync(providers, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== "node")
  .map((e) => e.name);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every relative module a file imports, re-exports or loads with `import()`, resolved. */
function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["'](\.[^"']+)["']/g)];
  return specs.map((m) => resolve(dirname(file), m[1] as string));
}

/** The provider folder a path is in, if any. */
function providerOf(path: string): string | undefined {
  const rel = relative(providers, path);
  if (rel.startsWith("..")) return undefined;
  const top = rel.split(sep)[0] as string;
  return PROVIDERS.includes(top) ? top : undefined;
}

test("behavior: no file under src/cli imports from src/providers", () => {
  const offending = sources(join(src, "cli")).flatMap((file) =>
    imports(file)
      .filter((target) => !relative(providers, target).startsWith(".."))
      .map((target) => `${relative(src, file)} → ${relative(src, target)}`),
  );
  assert.deepEqual(offending, [], "the CLI goes through the public API (src/index.ts)");
});

test("behavior: no provider folder imports from another provider folder, nor the shared node layer from any", () => {
  assert.ok(
    PROVIDERS.includes("local") && PROVIDERS.includes("docker"),
    `providers: ${PROVIDERS.join(", ")}`,
  );
  const offending = sources(providers).flatMap((file) => {
    const own = providerOf(file);
    return imports(file)
      .filter((target) => {
        const theirs = providerOf(target);
        return theirs !== undefined && theirs !== own;
      })
      .map((target) => `${relative(src, file)} → ${relative(src, target)}`);
  });
  assert.deepEqual(offending, []);
});
