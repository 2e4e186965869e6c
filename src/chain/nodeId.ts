import { createHash } from "node:crypto";

/**
 * Tendermint node id from a `node_key.json`: hex of the first 20 bytes of
 * sha256(ed25519 public key). Computed here so wiring peers costs no seid run.
 */
export function nodeIdFromNodeKey(nodeKeyJson: string): string {
  const parsed = JSON.parse(nodeKeyJson) as { priv_key?: { value?: string } };
  const priv = Buffer.from(parsed.priv_key?.value ?? "", "base64");
  if (priv.length !== 64) throw new Error("node_key.json does not hold a 64-byte ed25519 key");
  const publicKey = priv.subarray(32);
  return createHash("sha256").update(publicKey).digest().subarray(0, 20).toString("hex");
}

/** A Tendermint peer address `id@host:port`. */
export function peerAddress(nodeId: string, host: string, port: number): string {
  return `${nodeId}@${host}:${port}`;
}
