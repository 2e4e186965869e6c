// Locates the kube-apiserver and etcd binaries through scripts/install-kube.sh
// (a cache hit returns at once; a miss builds them, which takes minutes).
import { spawn } from "node:child_process";
import { constants, access } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface KubeBinaries {
  dir: string;
  apiserver: string;
  etcd: string;
}

export async function installKube(
  options: { signal?: AbortSignal; log?: (line: string) => void } = {},
): Promise<KubeBinaries> {
  const script = join(repoRoot, "scripts", "install-kube.sh");
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = spawn("bash", [script], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
      ...(options.signal ? { signal: options.signal } : {}),
    });
    let out = "";
    const errTail: string[] = [];
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
    });
    let partial = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      const lines = (partial + chunk).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) {
        errTail.push(line);
        if (errTail.length > 30) errTail.shift();
        options.log?.(`install-kube: ${line}`);
      }
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve(out);
      else
        reject(
          new Error(
            `scripts/install-kube.sh failed (${signal ?? `exit code ${code}`}):\n${[...errTail, partial].join("\n")}`,
          ),
        );
    });
  });
  const dir = stdout.trim().split("\n").pop()?.trim();
  if (!dir) throw new Error("scripts/install-kube.sh printed no cache directory");
  const bins: KubeBinaries = {
    dir,
    apiserver: join(dir, "bin", "kube-apiserver"),
    etcd: join(dir, "bin", "etcd"),
  };
  for (const bin of [bins.apiserver, bins.etcd]) {
    await access(bin, constants.X_OK).catch(() => {
      throw new Error(`scripts/install-kube.sh reported ${dir} but ${bin} is not executable`);
    });
  }
  return bins;
}
