/** Reads `a.b.c` from nested objects (own properties only); undefined when any step is missing. */
export function getDotted(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** True when every step of `a.b.c` exists. */
export function hasDotted(root: unknown, path: string): boolean {
  let current: unknown = root;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null || !Object.hasOwn(current, key)) return false;
    current = (current as Record<string, unknown>)[key];
  }
  return true;
}

/**
 * Defines an own, enumerable property: a key such as `__proto__` is data here,
 * never a way to reach or replace a prototype.
 */
function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Sets `a.b.c`, creating plain objects for missing steps; only own properties are followed. */
export function setDotted(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let current: Record<string, unknown> = root;
  for (const key of keys.slice(0, -1)) {
    const next = Object.hasOwn(current, key) ? current[key] : undefined;
    if (typeof next !== "object" || next === null || Array.isArray(next)) defineOwn(current, key, {});
    current = current[key] as Record<string, unknown>;
  }
  defineOwn(current, keys[keys.length - 1] as string, value);
}
