import { UsageError } from "../../../errors/usage.js";
import { buildSeidImage } from "../../../index.js";
import type { Command } from "../../command.js";

const USAGE =
  "seinet image build [--seid <path/to/bin/seid> | --from <bundle.tar.xz|dir>] [--tag <image>] [--json]";

/**
 * `seinet image build`: a runnable seid image with no base image. The table
 * matches one word, so this is command `image` with the required verb `build`.
 */
export const imageBuildCommand: Command = {
  name: "image",
  summary:
    "build: a seid Docker image with no base image, from a bundle (--from), a binary (--seid) or the installed seid",
  usage: USAGE,
  options: { seid: { type: "string" }, from: { type: "string" }, tag: { type: "string" } },
  async run({ values, positionals, output, signal }) {
    const [verb, ...extra] = positionals;
    if (verb !== "build" || extra.length > 0) {
      throw new UsageError(
        verb === undefined
          ? `"seinet image" needs a subcommand: ${USAGE}`
          : `Unknown "seinet image" arguments ${JSON.stringify(positionals.join(" "))}: ${USAGE}`,
      );
    }
    const image = await buildSeidImage({
      seid: values.seid as string | undefined,
      from: values.from as string | undefined,
      tag: values.tag as string | undefined,
      signal,
      onProgress: (line) => output.progress(line),
    });
    output.result(
      { command: "image build", ...image, durationMs: Math.round(image.durationMs) },
      () =>
        `${image.cached ? "cached" : "built"}: ${image.tag} (seid ${image.version}, ${image.imageId.slice(7, 19)}, ${(image.durationMs / 1000).toFixed(1)} s)`,
    );
  },
};
