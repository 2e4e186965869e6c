import {
  LABEL_MANAGED_BY,
  LABEL_NAMESPACE,
  LABEL_NETWORK,
  LABEL_RUN,
  LABEL_USER,
  MANAGED_BY,
} from "../../labels.js";

/** Labels every seinet resource of a network carries. */
export function baseLabels(
  namespace: string,
  network: string,
  runId: string,
  user: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  return {
    ...user,
    ...(user && Object.keys(user).length > 0 ? { [LABEL_USER]: JSON.stringify(user) } : {}),
    [LABEL_MANAGED_BY]: MANAGED_BY,
    [LABEL_NETWORK]: network,
    [LABEL_NAMESPACE]: namespace,
    [LABEL_RUN]: runId,
  };
}

/** Docker `filters` matching a label set (`key=value`). */
export function labelFilter(labels: Readonly<Record<string, string>>): { label: string[] } {
  return { label: Object.entries(labels).map(([k, v]) => `${k}=${v}`) };
}
