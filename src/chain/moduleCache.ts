/**
 * Where seid keeps wasm code compiled for this machine, relative to a home:
 * about 17 MB on a new chain, three times the code itself. A cache: seid
 * compiles a contract again from its code (`wasm/wasm/state`) the first time
 * it runs one, so copies of a home (clones, followers seeded from a
 * template, checkpoints) leave it out and start in less time.
 */
export const WASM_MODULE_CACHE = "wasm/wasm/cache";

/** True for a path (relative to a home) inside the compiled-module cache. */
export const isModuleCache = (rel: string): boolean =>
  rel === WASM_MODULE_CACHE || rel.startsWith(`${WASM_MODULE_CACHE}/`);
