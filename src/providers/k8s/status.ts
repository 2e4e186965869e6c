import type { Condition, CustomResource } from "./resources.js";

/** `status.phase` of a custom resource, if published. */
export function phaseOf(obj: CustomResource | undefined): string | undefined {
  const phase = obj?.status?.phase;
  return typeof phase === "string" ? phase : undefined;
}

/** A string field at a path under `status`, if present. */
export function statusString(obj: CustomResource | undefined, ...path: string[]): string | undefined {
  let cursor: unknown = obj?.status;
  for (const key of path) {
    if (typeof cursor !== "object" || cursor === null) return undefined;
    cursor = (cursor as Record<string, unknown>)[key];
  }
  return typeof cursor === "string" && cursor.length > 0 ? cursor : undefined;
}

/**
 * The controller's own words for why a resource is where it is: a failing
 * condition's reason and message, else the failed plan task's error.
 */
export function failureReason(obj: CustomResource | undefined): string | undefined {
  const status = obj?.status ?? {};
  const conditions = (Array.isArray(status.conditions) ? status.conditions : []) as Condition[];
  const failing =
    conditions.find((c) => c.type === "Failed" && c.status === "True") ??
    conditions.find((c) => c.type === "Ready" && c.status === "False" && c.message) ??
    conditions.find((c) => c.status === "False" && c.message);
  if (failing) return [failing.reason, failing.message].filter(Boolean).join(": ");
  const taskError =
    statusString(obj, "plan", "failedTaskDetail", "error") ?? statusString(obj, "task", "err");
  if (taskError) return taskError;
  return statusString(obj, "message");
}

/** A short description of where a resource stands, for timeout messages. */
export function describeStatus(obj: CustomResource | undefined): string {
  if (!obj) return "not created yet";
  const phase = phaseOf(obj) ?? "no phase yet";
  const reason = failureReason(obj);
  return reason ? `phase ${phase} (${reason})` : `phase ${phase}`;
}
