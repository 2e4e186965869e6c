import { readFile } from "node:fs/promises";
import { UsageError } from "../errors/usage.js";
import { abortError } from "../internal/abort.js";
import { parseManifest } from "./parseManifest.js";
import type { ResolvedManifest } from "./types.js";

/**
 * Reads and validates a manifest file (`seinet.yaml`, `seinet.yml` or
 * `seinet.json`); a missing or unreadable file is a UsageError naming it.
 *
 * @example
 * ```ts
 * import { loadManifest } from "seinet";
 * const { network, followers } = await loadManifest("seinet.yaml");
 * ```
 */
export async function loadManifest(
  path: string,
  options: { signal?: AbortSignal } = {},
): Promise<ResolvedManifest> {
  let text: string;
  try {
    text = await readFile(path, { encoding: "utf8", signal: options.signal });
  } catch (err) {
    if (options.signal?.aborted) throw abortError(options.signal, `reading manifest ${path}`);
    throw new UsageError(`Cannot read manifest ${JSON.stringify(path)}: ${(err as Error).message}`, {
      field: "-f",
      cause: err,
    });
  }
  return parseManifest(text, path);
}
