#!/usr/bin/env node
// A detached real-controller test environment (test/kube/controllerEnv.ts):
// etcd, kube-apiserver, kube-controller-manager, kube-scheduler, KWOK,
// gofakes3 and sei-k8s-controller on loopback ports.
//
//   node scripts/cluster.mjs up     (npm run cluster:up)
//   node scripts/cluster.mjs down   (npm run cluster:down)
//
// up   builds/locates the binaries (scripts/install-kube.sh and
//      scripts/install-controller.sh), starts the environment in a detached
//      process that outlives this one, and prints KUBECONFIG=<path> as its last
//      stdout line. Already running: prints the same line again.
//      Exit 0 running; 1 it failed to start (log tail on stderr); 2 usage.
// down stops every process `up` started (the detached process, and any child
//      it left behind), removes its temp directory and state file.
//      Nothing running is success. Exit 0 stopped/nothing to stop; 1 a process
//      would not die; 2 usage.
//
// State (state.json, env.log) lives in $SEINET_CACHE/cluster-env
// (default ${XDG_CACHE_HOME:-~/.cache}/seinet/cluster-env).
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as delay } from "node:timers/promises";

const root = new URL("..", import.meta.url).pathname;
const cacheRoot =
  process.env.SEINET_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "seinet");
const stateDir = join(cacheRoot, "cluster-env");
const statePath = join(stateDir, "state.json");
const logPath = join(stateDir, "env.log");
const DAEMON = join(root, "test", "kube", "controllerEnvDaemon.ts");
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;

function readState() {
  try {
    return JSON.parse(readFileSync(statePath, "utf8"));
  } catch {
    return undefined;
  }
}

function cmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
  } catch {
    return undefined;
  }
}

/** Alive and still the process recorded (a reused pid runs something else). */
function isOurs(pid, marker) {
  const cmd = cmdline(pid);
  return cmd?.includes(marker) === true;
}

function tail(path, lines = 40) {
  try {
    return readFileSync(path, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

function install(script) {
  const r = spawnSync("bash", [join(root, "scripts", script)], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (r.status !== 0) {
    process.stderr.write(`cluster: scripts/${script} failed (${r.signal ?? `exit code ${r.status}`})\n`);
    process.exit(1);
  }
}

async function waitDead(pid, marker, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (isOurs(pid, marker) && Date.now() < deadline) await delay(100);
  return !isOurs(pid, marker);
}

async function up() {
  const state = readState();
  if (state?.kubeconfig && isOurs(state.pid, DAEMON)) {
    process.stderr.write(`cluster: already running (pid ${state.pid})\n`);
    console.log(`KUBECONFIG=${state.kubeconfig}`);
    return 0;
  }
  if (state || existsSync(`${statePath}.tmp`)) {
    process.stderr.write("cluster: clearing a previous environment that is no longer running\n");
    if ((await down()) !== 0) return 1;
  }
  install("install-kube.sh");
  install("install-controller.sh");
  mkdirSync(stateDir, { recursive: true });
  rmSync(logPath, { force: true });
  const fd = openSync(logPath, "a");
  const started = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", DAEMON, statePath], {
    cwd: root,
    detached: true,
    stdio: ["ignore", fd, fd],
  });
  closeSync(fd);
  // Recorded at once, so `down` finds the process even if this one dies
  // before the environment is up; the process rewrites it when ready.
  writeFileSync(statePath, JSON.stringify({ pid: child.pid, starting: true }));
  let exited;
  child.on("exit", (code, signal) => {
    exited = signal ?? `exit code ${code}`;
  });
  child.unref();
  while (Date.now() - started < START_TIMEOUT_MS) {
    const ready = readState();
    if (ready && ready.pid === child.pid && ready.kubeconfig) {
      process.stderr.write(`cluster: up in ${Date.now() - started} ms (pid ${child.pid}, log ${logPath})\n`);
      console.log(`KUBECONFIG=${ready.kubeconfig}`);
      return 0;
    }
    if (exited !== undefined) {
      process.stderr.write(`cluster: the environment failed to start (${exited}):\n${tail(logPath)}\n`);
      return 1;
    }
    await delay(200);
  }
  process.stderr.write(`cluster: not up after ${START_TIMEOUT_MS} ms:\n${tail(logPath)}\n`);
  await down();
  return 1;
}

async function down() {
  const state = readState();
  let ok = true;
  if (state) {
    if (isOurs(state.pid, DAEMON)) {
      process.kill(state.pid, "SIGTERM");
      if (!(await waitDead(state.pid, DAEMON, STOP_TIMEOUT_MS))) {
        process.kill(state.pid, "SIGKILL");
        await waitDead(state.pid, DAEMON, 5000);
      }
    }
    // Children of a process that was SIGKILLed are left behind: reap them,
    // each only if its pid still runs a command under the environment's dir
    // or the binary it was started as.
    for (const c of state.children ?? []) {
      const cmd = cmdline(c.pid);
      if (cmd === undefined || !cmd.includes(c.name)) continue;
      process.kill(c.pid, "SIGKILL");
      if (!(await waitDead(c.pid, c.name, 5000))) {
        process.stderr.write(`cluster: ${c.name} (pid ${c.pid}) would not die\n`);
        ok = false;
      }
    }
    // Only ever a directory startTestCluster made.
    const dir = typeof state.dir === "string" ? resolve(state.dir) : "";
    if (dir.startsWith(join(tmpdir(), "seinet-kube-"))) rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`cluster: stopped (pid ${state.pid})\n`);
  } else {
    process.stderr.write("cluster: nothing running\n");
  }
  if (ok) {
    rmSync(statePath, { force: true });
    rmSync(`${statePath}.tmp`, { force: true });
    rmSync(logPath, { force: true });
  }
  return ok ? 0 : 1;
}

const command = process.argv[2];
if (command === "up") process.exit(await up());
else if (command === "down") process.exit(await down());
else {
  process.stderr.write("usage: node scripts/cluster.mjs up|down\n");
  process.exit(2);
}
