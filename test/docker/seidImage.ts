// The seid image the docker-mode tests run: built once from the shared v6.6.2
// bundle (a content-hash cache hit after the first build on a machine).
import { join } from "node:path";
import { buildSeidImage } from "../../src/index.js";
import { repoRoot } from "./engine.js";

export const BUNDLE = join(repoRoot, "..", "shared", "seid", "seid-v6.6.2-linux-amd64.tar.xz");

let built: Promise<string> | undefined;

/** Tag of the test image, built on first use (bounded). */
export function testImage(): Promise<string> {
  built ??= buildSeidImage({ from: BUNDLE, signal: AbortSignal.timeout(5 * 60_000) }).then((b) => b.tag);
  return built;
}
