import { InfraError } from "../errors/infra.js";
import type { GoCommand } from "./goCommand.js";
import { SEI_CHAIN_MODULE } from "./pinned.js";

interface ModuleInfo {
  Version: string;
  GoMod: string;
  Error?: string;
}

interface ModFileJson {
  Replace?: { Old: { Path: string; Version?: string }; New: { Path: string; Version?: string } }[];
}

/**
 * Makes the wrapper module a seid build needs: `go install …@ref` refuses
 * sei-chain (its go.mod has replace lines), so a fresh module requires
 * sei-chain at `ref`, copies its versioned replace lines, and resolves
 * `cmd/seid`'s dependencies. Resolves with the module version go resolved
 * `ref` to; InfraError when the module proxy does not serve it.
 */
export async function wrapSeiChainModule(
  go: GoCommand,
  ref: string,
  progress: (message: string) => void,
): Promise<string> {
  await go(["mod", "init", "seinet.local/seid-build"], "creating the wrapper module");
  progress(`resolving ${SEI_CHAIN_MODULE}@${ref} through the Go module proxy`);
  const info = JSON.parse(
    await go(
      ["mod", "download", "-json", `${SEI_CHAIN_MODULE}@${ref}`],
      `downloading ${SEI_CHAIN_MODULE}@${ref}`,
    ),
  ) as ModuleInfo;
  if (info.Error)
    throw new InfraError(`The Go module proxy did not serve ${SEI_CHAIN_MODULE}@${ref}.`, {
      details: info.Error,
    });
  const modJson = JSON.parse(
    await go(["mod", "edit", "-json", info.GoMod], "reading sei-chain's go.mod"),
  ) as ModFileJson;
  const edits = [`-require=${SEI_CHAIN_MODULE}@${info.Version}`];
  for (const r of modJson.Replace ?? []) {
    const old = r.Old.Version ? `${r.Old.Path}@${r.Old.Version}` : r.Old.Path;
    const target = r.New.Version ? `${r.New.Path}@${r.New.Version}` : r.New.Path;
    if (!r.New.Version) continue; // a local-path replace cannot be reproduced outside its repository
    edits.push(`-replace=${old}=${target}`);
  }
  await go(["mod", "edit", ...edits], "copying sei-chain's replace lines");
  progress(`downloading seid's dependencies (${edits.length - 1} replaced modules)`);
  await go(["get", `${SEI_CHAIN_MODULE}/cmd/seid@${info.Version}`], "resolving seid's dependencies");
  return info.Version;
}
