// The core must not load a backend library: a local or custom-mode user never
// pays for the Kubernetes client. A child process whose resolver refuses
// @kubernetes/client-node imports the package entry and opens a custom mode.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier.startsWith("@kubernetes/client-node")) throw new Error("BACKEND LOADED: " + specifier);
  return next(specifier, context);
}`;

const register = `
import { register } from "node:module";
register("data:text/javascript," + encodeURIComponent(${JSON.stringify(hooks)}));`;

function run(script: string) {
  return spawnSync(
    process.execPath,
    [
      "--import",
      `data:text/javascript,${encodeURIComponent(register)}`,
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      script,
    ],
    { cwd: root, encoding: "utf8", timeout: 60_000 },
  );
}

test("behavior: importing seinet and using a custom mode never loads the Kubernetes client", () => {
  const result = run(`
    import { open, registerProvider, validateNetworkSpec } from "./src/index.ts";
    validateNetworkSpec({ name: "devnet", validators: 1 });
    registerProvider("inproc", () => ({ mode: "inproc", close: async () => {}, createNetwork: async () => { throw new Error("unused"); } }));
    const client = await open("inproc");
    await client.close();
    console.log("ok");
  `);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /ok/);
});

test("behavior: the hook is real: opening the k8s mode does reach for the Kubernetes client", () => {
  const result = run(`
    import { open } from "./src/index.ts";
    await open("k8s").then(() => console.log("opened"), (e) => console.log(e.name, String(e.cause?.message ?? e.message)));
  `);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /InfraError BACKEND LOADED: @kubernetes\/client-node/);
});
