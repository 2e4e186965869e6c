import { FailedError } from "../../errors/failed.js";

/** The resource that reached Failed (or Degraded), and why. */
export interface FailedResource {
  kind: "node" | "network";
  name: string;
  phase: string;
  reason: string | undefined;
}

/** What a dead node left: its exit code and the part of its log that says why it died. */
export interface DeadNode {
  exitCode: number | undefined;
  crashLog: string | undefined;
}

/** The FailedError of a node or network, with the first dead node's exit code and log tail. */
export function failure(what: FailedResource, dead: DeadNode | undefined): FailedError {
  return new FailedError(`${what.kind === "node" ? "Node" : "Network"} "${what.name}" is ${what.phase}.`, {
    resource: `${what.kind}/${what.name}`,
    phase: what.phase,
    reason: what.reason,
    exitCode: dead?.exitCode,
    logTail: dead?.crashLog || undefined,
  });
}
