import type { GoCommand } from "./goCommand.js";
import { SEI_CHAIN_MODULE } from "./pinned.js";

/**
 * Compiles `cmd/seid` in the wrapper module to `output`, stamping `version`
 * and `ref` the way sei-chain's own Makefile does, so `seid version` reports
 * them.
 */
export async function compileSeid(go: GoCommand, options: { version: string; ref: string; output: string }) {
  const ldflags = [
    "-X github.com/cosmos/cosmos-sdk/version.Name=sei",
    "-X github.com/cosmos/cosmos-sdk/version.AppName=seid",
    `-X github.com/cosmos/cosmos-sdk/version.Version=${options.version}`,
    `-X github.com/cosmos/cosmos-sdk/version.Commit=${options.ref}`,
  ].join(" ");
  await go(
    ["build", "-ldflags", ldflags, "-o", options.output, `${SEI_CHAIN_MODULE}/cmd/seid`],
    "compiling seid",
  );
}
