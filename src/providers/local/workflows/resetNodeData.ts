import { readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** A signer state that has signed nothing, as `seid init` writes it. */
const FRESH_SIGNER_STATE = `${JSON.stringify({ height: "0", round: 0, step: 0 }, null, 2)}\n`;

/**
 * Empties a stopped node's chain data so seid state-syncs on its next start
 * (Tendermint attempts state sync only when it has no blocks): everything
 * under `data/` (blocks, state stores, snapshots, peer store) and the wasm
 * cache go; `config/` (node key, genesis, config) stays, so the node keeps its
 * identity and peers. Like `seid tendermint unsafe-reset-all`, without a seid.
 */
export async function resetNodeData(home: string): Promise<void> {
  const data = join(home, "data");
  const entries = await readdir(data).catch(() => [] as string[]);
  await Promise.all(entries.map((entry) => rm(join(data, entry), { recursive: true, force: true })));
  await writeFile(join(data, "priv_validator_state.json"), FRESH_SIGNER_STATE);
  await rm(join(home, "wasm"), { recursive: true, force: true });
}
