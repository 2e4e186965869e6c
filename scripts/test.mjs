#!/usr/bin/env node
// Runs the test suites with Node's test runner (TypeScript through tsx).
//   node scripts/test.mjs          unit + e2e + conformance (what `npm test` runs)
//   node scripts/test.mjs unit     *.test.ts beside the code, no backend needed
//   node scripts/test.mjs e2e      *.e2e.test.ts and test/**, real backends
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const which = process.argv[2] ?? "all";
const root = new URL("..", import.meta.url).pathname;

function walk(dir, out = []) {
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry === "dist") continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (entry.endsWith(".test.ts")) out.push(path);
  }
  return out;
}

const files = [...walk(join(root, "src")), ...walk(join(root, "test"))].sort();
const isE2e = (f) => f.endsWith(".e2e.test.ts") || f.includes("/test/");
const selected = files.filter((f) => (which === "unit" ? !isE2e(f) : which === "e2e" ? isE2e(f) : true));
if (selected.length === 0) {
  console.error(`no test files for "${which}"`);
  process.exit(1);
}
// --test-force-exit: a file whose test timed out must not keep the run alive
// through a leftover handle; --test-timeout bounds every single test.
const args = [
  "--import",
  "tsx",
  "--test",
  "--test-concurrency=1",
  "--test-force-exit",
  "--test-timeout=300000",
  ...selected,
];
const result = spawnSync(process.execPath, args, { stdio: "inherit", cwd: root });
process.exit(result.status ?? 1);
