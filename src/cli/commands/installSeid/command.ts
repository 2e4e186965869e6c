import { installSeid } from "../../../seid/installSeid.js";
import type { Command } from "../../command.js";

/** `seinet install-seid [--from <bundle>] [--sha256 <hex>] [--ref <commit>] [--force]`: install seid once, then cached. */
export const installSeidCommand: Command = {
  name: "install-seid",
  summary:
    "Install seid into the cache (once; then cached): from a prebuilt bundle with --from, else built through the Go module proxy",
  usage:
    "seinet install-seid [--from <bundle.tar.xz | dir> [--sha256 <hex>]] [--ref <sei-chain commit | version>] [--force] [--json]",
  options: {
    from: { type: "string" },
    sha256: { type: "string" },
    ref: { type: "string" },
    force: { type: "boolean" },
  },
  async run({ values, output, signal }) {
    const installed = await installSeid({
      from: values.from as string | undefined,
      sha256: values.sha256 as string | undefined,
      ref: values.ref as string | undefined,
      force: values.force === true,
      signal,
      onProgress: (line) => output.progress(line),
    });
    output.result(
      { command: "install-seid", ...installed, durationMs: Math.round(installed.durationMs) },
      () =>
        `${installed.cached ? "cached" : installed.source === "bundle" ? "installed" : "built"}: ${installed.path} (${installed.version ?? installed.ref}${installed.commit ? `, commit ${installed.commit.slice(0, 12)}` : ""}, ${(installed.durationMs / 1000).toFixed(1)} s)`,
    );
  },
};
