#!/usr/bin/env bash
# Packs the package, installs the tarball into a scratch project, imports it and
# runs the CLI's --help: what a user gets from npm, not what the repo has.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
tarball=$(cd "$root" && npm pack --silent --pack-destination "$scratch" | tail -n 1)
cd "$scratch"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "$scratch/$tarball" >/dev/null
node --input-type=module -e '
import * as seinet from "seinet";
for (const name of ["open", "registerProvider", "waitCaughtUp", "UsageError", "installSeid"]) {
  if (!(name in seinet)) throw new Error(`seinet does not export ${name}`);
}
let internal = false;
try { await import("seinet/dist/providers/k8s/provider.js"); internal = true; } catch {}
if (internal) throw new Error("internal modules must not be importable");
console.log(`seinet imports: ${Object.keys(seinet).length} exports`);
// Runner helpers load only when imported; seinet/vitest needs vitest itself, so it is only resolved.
for (const sub of ["seinet/jest", "seinet/node-test", "seinet/vitest/setup"]) {
  const m = await import(sub);
  if (Object.keys(m).length === 0) throw new Error(`${sub} exports nothing`);
}
import.meta.resolve("seinet/vitest");
const schema = JSON.parse((await import("node:fs")).readFileSync(new URL(import.meta.resolve("seinet/schema/seinet.schema.json")), "utf8"));
if (!schema.properties.network) throw new Error("the manifest schema has no network");
console.log("seinet subpaths: jest, node-test, vitest, vitest/setup, schema");
'
npx --no-install seinet --help | head -n 3
echo "smoke-pack: ok"
