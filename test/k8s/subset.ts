import assert from "node:assert/strict";

/**
 * Asserts every field of `expected` is in `actual` with the same value; extra
 * fields in `actual` (server-side defaults from the CRD schema) are allowed.
 */
export function assertSubset(actual: unknown, expected: unknown, path = "$"): void {
  if (expected !== null && typeof expected === "object" && !Array.isArray(expected)) {
    assert.ok(
      actual !== null && typeof actual === "object" && !Array.isArray(actual),
      `${path}: expected an object`,
    );
    for (const [key, value] of Object.entries(expected)) {
      assertSubset((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    }
    return;
  }
  if (Array.isArray(expected)) {
    assert.ok(
      Array.isArray(actual) && actual.length === expected.length,
      `${path}: expected ${expected.length} items`,
    );
    expected.forEach((value, i) => assertSubset((actual as unknown[])[i], value, `${path}[${i}]`));
    return;
  }
  assert.deepEqual(actual, expected, path);
}
