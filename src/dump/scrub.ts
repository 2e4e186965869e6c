/** Keys whose values are secrets: the test account's key and mnemonic, node and validator keys. */
const SECRET = /^(privateKey|mnemonic|priv_key|privKey|testAccount|priv_validator_key|node_key)$/i;

/**
 * A deep copy without secrets: every key that names one is dropped, so a
 * dump can be attached to a CI run as it is.
 */
export function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !SECRET.test(key))
      .map(([key, v]) => [key, scrub(v)]),
  );
}
