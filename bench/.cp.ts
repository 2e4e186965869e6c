import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execSync } from "node:child_process";
import { open, waitCaughtUp, type Network } from "../src/index.js";
const stateDir = await mkdtemp(join(tmpdir(), "probe-"));
const templateDir = await mkdtemp(join(tmpdir(), "probe-t-"));
const client = await open("local", { stateDir, templateDir, namespace: "probe" } as never);
for (const name of ["a", "b"]) {
  const net = await client.createNetwork({ name, chainId: "probe", validators: 1 }, { template: "reuse" });
  await net.waitReady({});
  const f = await client.createNode({ name: `${name}-rpc`, network: name }, {});
  await waitCaughtUp(f.tendermintRpc as string, { interval: 100 });
  const cp = await (net.checkpoint as NonNullable<Network["checkpoint"]>)({ name: "x" });
  console.log(name, "checkpoint MiB", (cp.bytes / 2 ** 20).toFixed(1));
  const d = `${stateDir}/probe/checkpoints/${name}/x`;
  console.log(execSync(`du -sh ${d}/*; find ${d} -type f -size +1M -exec ls -ls {} \\;`).toString());
  await net.delete({ cascade: true });
}
