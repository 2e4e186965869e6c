// A real Docker engine for the docker tests: scripts/install-docker.sh makes one
// answer (installing Debian's docker.io and starting dockerd when none does),
// and the engine is stopped afterwards only if this process started it. A
// machine where no engine can be had fails the suite; it never skips it.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The engine the tests use. */
export interface DockerEngine {
  /** pid of the dockerd this process started, or undefined when one already answered. */
  startedPid: number | undefined;
  /** Stops the dockerd this process started (bounded); a no-op otherwise. */
  stop(): Promise<void>;
}

function runScript(
  name: string,
  args: string[],
  timeoutMs: number,
  log: (line: string) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [join(repoRoot, "scripts", name), ...args], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
      signal: AbortSignal.timeout(timeoutMs),
    });
    let out = "";
    const errTail: string[] = [];
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      for (const line of chunk.split("\n").filter(Boolean)) {
        errTail.push(line);
        if (errTail.length > 30) errTail.shift();
        log(`${name}: ${line}`);
      }
    });
    child.on("error", (err) => reject(new Error(`scripts/${name} did not finish: ${err.message}`)));
    child.on("close", (code, signal) => {
      if (code === 0) resolve(out);
      else
        reject(
          new Error(`scripts/${name} failed (${signal ?? `exit code ${code}`}):\n${errTail.join("\n")}`),
        );
    });
  });
}

/**
 * Makes a Docker engine answer. Installing docker.io on a fresh machine takes
 * a minute or two, so the bound is generous; a running engine costs ~0.1 s.
 */
export async function ensureDockerEngine(log: (line: string) => void = () => {}): Promise<DockerEngine> {
  const out = await runScript("install-docker.sh", [], 5 * 60_000, log);
  const pid = /^SEINET_DOCKERD_STARTED=(\d+)$/m.exec(out)?.[1];
  const startedPid = pid ? Number(pid) : undefined;
  return {
    startedPid,
    async stop() {
      if (startedPid !== undefined) await runScript("stop-docker.sh", [String(startedPid)], 60_000, log);
    },
  };
}
