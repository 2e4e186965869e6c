import createDebug from "debug";

/**
 * Namespaced debug logging (`DEBUG=seinet:*`), silent by default: the library
 * never writes to stdout.
 */
export function logger(namespace: string): (formatter: string, ...args: unknown[]) => void {
  return createDebug(`seinet:${namespace}`);
}
