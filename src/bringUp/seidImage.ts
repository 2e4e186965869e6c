import { buildSeidImage } from "../providers/docker/image/buildSeidImage.js";
import { ensureSeid } from "../seid/ensureSeid.js";

/**
 * The docker mode's image when none is named: one built from the installed
 * seid (or `binary`), which is a cache hit after the first time.
 */
export async function seidImage(
  binary: string | undefined,
  progress: (line: string) => void,
  signal: AbortSignal,
): Promise<string> {
  const seid = await ensureSeid({ binary, signal, onProgress: progress });
  const built = await buildSeidImage({ seid: seid.path, onProgress: progress, signal });
  progress(`image ${built.tag}${built.cached ? " (cached)" : ""}`);
  return built.tag;
}
