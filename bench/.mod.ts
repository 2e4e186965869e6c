import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execSync } from "node:child_process";
import { open } from "../src/index.js";
const stateDir = await mkdtemp(join(tmpdir(), "probe-"));
const templateDir = await mkdtemp(join(tmpdir(), "probe-t-"));
const client = await open("local", { stateDir, templateDir, namespace: "probe" } as never);
for (const name of ["a", "b"]) {
  const t = new Date().toISOString();
  const net = await client.createNetwork({ name, chainId: "probe", validators: 1 }, { template: "reuse" });
  await net.waitReady({});
  console.log(name, "created at", t);
  console.log("ready after", Date.now() - Date.parse(t));
  await new Promise((r) => setTimeout(r, 3000));
  console.log(execSync(`find ${stateDir}/probe/nodes/${name}-0/home/wasm/ -type f | xargs ls -la --time-style=full-iso | cut -c30-`).toString());
  console.log(execSync(`grep -i -E "wasm|compile|pin" ${stateDir}/probe/nodes/${name}-0/seid.log | head -5 | cut -c1-200`).toString());
  await net.delete({ cascade: true });
}
