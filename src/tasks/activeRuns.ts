import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";

/** The fields of a task or workflow record that say whether it still runs, and on which node. */
interface RunFields {
  name: string;
  phase: string;
  runnerPid: number;
  spec: { node?: string; namespace?: string };
}

function runnerAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Tasks and workflows stored under `root` (`<ns>/tasks`, `<ns>/workflows`)
 * that are Pending or Running on one of `nodes` of `namespace`, with their
 * runner alive: what stopping those nodes now would break. In words, or
 * undefined when there is none.
 */
export async function activeRuns(
  root: string,
  namespace: string,
  nodes: readonly string[],
): Promise<string | undefined> {
  const found: string[] = [];
  for (const kind of ["tasks", "workflows"] as const) {
    const dir = join(root, namespace, kind);
    const files = await readdir(dir).catch(() => [] as string[]);
    for (const file of files.filter((f) => f.endsWith(".json"))) {
      const run = await readFile(join(dir, file), "utf8").then(
        (text) => JSON.parse(text) as RunFields,
        () => undefined,
      );
      if (!run || (run.phase !== "Pending" && run.phase !== "Running")) continue;
      if (!run.spec?.node || !nodes.includes(run.spec.node) || !runnerAlive(run.runnerPid)) continue;
      found.push(`${kind === "tasks" ? "task" : "workflow"} "${run.name}" runs on node "${run.spec.node}"`);
    }
  }
  return found.length > 0 ? found.join("; ") : undefined;
}
