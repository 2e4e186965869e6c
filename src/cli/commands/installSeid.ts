import { installSeid } from "../../seid/installSeid.js";
import type { Command } from "../command.js";

/** `seinet install-seid [--ref <commit>] [--force]`: build seid once, then cached. */
export const installSeidCommand: Command = {
  name: "install-seid",
  summary: "Build seid from sei-chain through the Go module proxy into the cache (once; then cached)",
  usage: "seinet install-seid [--ref <sei-chain commit>] [--force] [--json]",
  options: { ref: { type: "string" }, force: { type: "boolean" } },
  async run({ values, output, signal }) {
    const installed = await installSeid({
      ref: values.ref as string | undefined,
      force: values.force === true,
      signal,
      onProgress: (line) => output.progress(line),
    });
    output.result(
      { command: "install-seid", ...installed, durationMs: Math.round(installed.durationMs) },
      () =>
        `${installed.cached ? "cached" : "built"}: ${installed.path} (${installed.version ?? installed.ref}, ${(installed.durationMs / 1000).toFixed(1)} s)`,
    );
  },
};
