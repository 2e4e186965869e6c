// The process `npm run cluster:up` leaves running (scripts/cluster.mjs starts
// it detached): it holds a controller environment (controllerEnv.ts), writes
// the state file once everything is healthy, and on SIGTERM/SIGINT/SIGHUP
// stops every child, removes the state file and exits 0.
//
//   node --import tsx test/kube/controllerEnvDaemon.ts <state file>
import { rename, rm, writeFile } from "node:fs/promises";
import { type ControllerEnv, startControllerEnv } from "./controllerEnv.js";

/** What scripts/cluster.mjs reads back; pids and binaries let it reap children if this process is gone. */
export interface ControllerEnvState {
  pid: number;
  kubeconfig: string;
  dir: string;
  s3Endpoint: string;
  startupMs: number;
  children: { name: string; pid: number }[];
}

const statePath = process.argv[2];
if (!statePath) {
  process.stderr.write("usage: controllerEnvDaemon.ts <state file>\n");
  process.exit(2);
}

let env: ControllerEnv | undefined;
let stopping = false;
const shutdown = async (why: string) => {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`controller env: stopping (${why})\n`);
  // The exit hooks have already SIGKILLed the children on a signal; stop()
  // waits until they are reaped and removes the temp directory.
  await env?.stop();
  await rm(statePath, { force: true });
  process.exit(0);
};
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const)
  process.on(signal, () => void shutdown(signal));

try {
  env = await startControllerEnv({ log: (line) => process.stderr.write(`${line}\n`) });
  const state: ControllerEnvState = {
    pid: process.pid,
    kubeconfig: env.kubeconfigPath,
    dir: env.cluster.dir,
    s3Endpoint: env.s3Endpoint,
    startupMs: env.startupMs,
    children: env.processes.flatMap((p) => (p.pid === undefined ? [] : [{ name: p.name, pid: p.pid }])),
  };
  // Written whole then renamed: the state file exists only once everything is healthy.
  await writeFile(`${statePath}.tmp`, JSON.stringify(state, null, 2));
  await rename(`${statePath}.tmp`, statePath);
  process.stderr.write(`controller env: ready in ${env.startupMs} ms; KUBECONFIG=${env.kubeconfigPath}\n`);
  // A child dying leaves the environment broken: stop everything.
  await Promise.race(env.processes.map((p) => p.exited.then(() => p.name)))
    .then((name) => shutdown(`${name} exited`))
    .catch(() => undefined);
} catch (err) {
  process.stderr.write(
    `controller env: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  await env?.stop();
  process.exit(1);
}
