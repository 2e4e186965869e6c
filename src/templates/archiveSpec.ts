import { UsageError } from "../errors/usage.js";
import type { NetworkSpec } from "../specs/types.js";
import { type CheckpointArchiveManifest, archiveValidators } from "./checkpointArchive.js";

/**
 * The spec of a network started from an archive: the archive decides the
 * chain (validators, chain id, genesis, funded accounts, snapshots); the
 * spec names it and may add config overrides over the archive's. A spec
 * that asks for another chain is a UsageError naming the field.
 */
export function archiveSpec(
  file: string,
  manifest: CheckpointArchiveManifest,
  spec: NetworkSpec,
): NetworkSpec {
  const validators = archiveValidators(manifest);
  const refuse = (field: string, why: string) =>
    new UsageError(`"${file}" holds ${why}; the spec's \`${field}\` asks for another chain.`, {
      field,
      metaMessages: [`Leave \`${field}\` out (or set it to the archive's) when starting from an archive.`],
    });
  if (spec.validators !== validators) throw refuse("validators", `a network of ${validators} validator(s)`);
  if (spec.chainId !== undefined && spec.chainId !== manifest.chainId)
    throw refuse("chainId", `chain "${manifest.chainId}"`);
  if (spec.genesis !== undefined) throw refuse("genesis", "a chain whose genesis is already made");
  if (spec.accounts !== undefined) throw refuse("accounts", "a chain whose accounts are already funded");
  if (spec.testAccounts !== undefined && spec.testAccounts !== (manifest.testAccounts ?? 0))
    throw refuse("testAccounts", `${manifest.testAccounts ?? 0} funded test accounts`);
  const config = { ...manifest.config, ...spec.config };
  return {
    ...spec,
    chainId: manifest.chainId,
    ...(manifest.testAccounts ? { testAccounts: manifest.testAccounts } : {}),
    ...(manifest.snapshots ? { snapshots: manifest.snapshots } : {}),
    ...(Object.keys(config).length ? { config } : {}),
  };
}
