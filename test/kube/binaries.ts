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
  const dir = await runInstallScript("install-kube.sh", options);
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

/** Runs scripts/<name> (stderr to `log`) and returns the directory it prints last. */
async function runInstallScript(
  name: string,
  options: { signal?: AbortSignal; log?: (line: string) => void },
): Promise<string> {
  const script = join(repoRoot, "scripts", name);
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
        options.log?.(`${name.replace(/\.sh$/, "")}: ${line}`);
      }
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve(out);
      else
        reject(
          new Error(
            `scripts/${name} failed (${signal ?? `exit code ${code}`}):\n${[...errTail, partial].join("\n")}`,
          ),
        );
    });
  });
  const dir = stdout.trim().split("\n").pop()?.trim();
  if (!dir) throw new Error(`scripts/${name} printed no cache directory`);
  return dir;
}

/** The binaries scripts/install-controller.sh builds (cached after the first run). */
export interface ControllerBinaries {
  dir: string;
  controller: string;
  kwok: string;
  controllerManager: string;
  scheduler: string;
  gofakes3: string;
  /** The seictl sidecar (`seictl serve`) the pod runner starts for each SeiNode pod. */
  seictl: string;
  /** KWOK's PortForward and Logs CRDs (from its module), in a directory of their own. */
  kwokCrds: string;
}

/** Locates (building on a cache miss, which takes many minutes) the controller-environment binaries. */
export async function installController(
  options: { signal?: AbortSignal; log?: (line: string) => void } = {},
): Promise<ControllerBinaries> {
  const dir = await runInstallScript("install-controller.sh", options);
  const bin = (name: string) => join(dir, "bin", name);
  const bins: ControllerBinaries = {
    dir,
    controller: bin("sei-k8s-controller"),
    kwok: bin("kwok"),
    controllerManager: bin("kube-controller-manager"),
    scheduler: bin("kube-scheduler"),
    gofakes3: bin("gofakes3"),
    seictl: bin("seictl"),
    kwokCrds: join(dir, "crds"),
  };
  for (const path of [
    bins.controller,
    bins.kwok,
    bins.controllerManager,
    bins.scheduler,
    bins.gofakes3,
    bins.seictl,
  ]) {
    await access(path, constants.X_OK).catch(() => {
      throw new Error(`scripts/install-controller.sh reported ${dir} but ${path} is not executable`);
    });
  }
  return bins;
}
