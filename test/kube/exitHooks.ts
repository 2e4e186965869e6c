// Synchronous last-chance cleanups (kill children, remove temp dirs) that run
// if the test process exits or is terminated by SIGINT/SIGTERM/SIGHUP without
// the cluster having been stopped. Hooks run newest first. The process
// listeners are installed only while at least one hook is registered; after a
// signal the hooks run and, unless someone else handles that signal, it is
// re-raised so the process still dies of it.
const hooks = new Set<() => void>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

function runAll(): void {
  for (const hook of [...hooks].reverse()) {
    hooks.delete(hook);
    try {
      hook();
    } catch {
      // best effort
    }
  }
  uninstall();
}

function onSignal(signal: NodeJS.Signals): void {
  runAll();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

let installed = false;
function install(): void {
  if (installed) return;
  installed = true;
  process.on("exit", runAll);
  for (const s of SIGNALS) process.on(s, onSignal);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  process.off("exit", runAll);
  for (const s of SIGNALS) process.off(s, onSignal);
}

/** Registers a synchronous cleanup; the returned function unregisters it. */
export function onProcessExit(hook: () => void): () => void {
  hooks.add(hook);
  install();
  return () => {
    hooks.delete(hook);
    if (hooks.size === 0) uninstall();
  };
}
