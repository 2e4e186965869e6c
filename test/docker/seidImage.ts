// The seid images the docker-mode tests run: built once per version from the
// shared bundles (a content-hash cache hit after the first build on a machine).
import { join } from "node:path";
import { buildSeidImage } from "../../src/index.js";
import { repoRoot } from "./engine.js";

/** The shared bundle of a seid release. */
export function bundle(version: "v6.6.2" | "v6.5.2"): string {
  return join(repoRoot, "..", "shared", "seid", `seid-${version}-linux-amd64.tar.xz`);
}

/** The v6.6.2 bundle most docker tests and benches run. */
export const BUNDLE = bundle("v6.6.2");

const built = new Map<string, Promise<string>>();

/** Tag of the test image of `version` (default v6.6.2), built on first use (bounded). */
export function testImage(version: "v6.6.2" | "v6.5.2" = "v6.6.2"): Promise<string> {
  let tag = built.get(version);
  if (!tag) {
    tag = buildSeidImage({ from: bundle(version), signal: AbortSignal.timeout(5 * 60_000) }).then(
      (b) => b.tag,
    );
    built.set(version, tag);
  }
  return tag;
}
