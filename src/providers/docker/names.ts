/** Namespace of specs that leave theirs empty. */
export const DEFAULT_NAMESPACE = "default";

/** Home of seid inside every node container (the image's `sei` user). */
export const CONTAINER_HOME = "/home/sei/.sei";

/** Docker names carry the namespace, so equal node names in two namespaces coexist. */
export function resourceName(namespace: string, name: string): string {
  return `seinet-${namespace}-${name}`;
}
