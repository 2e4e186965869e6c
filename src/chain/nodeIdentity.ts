import { createHash, generateKeyPairSync } from "node:crypto";

/** A file of a node's identity, relative to its home. */
export interface IdentityFile {
  path: string;
  data: string;
  mode: number;
}

/** The files {@link newNodeIdentity} makes, relative to a home. */
export const IDENTITY_FILES = [
  "config/node_key.json",
  "config/priv_validator_key.json",
  "config/node_pubkey.txt",
  "config/validator_pubkey.txt",
  "data/priv_validator_state.json",
] as const;

/** A node's own keys, as `seid init` would write them, and the node id they give. */
export interface NodeIdentity {
  nodeId: string;
  files: IdentityFile[];
}

function ed25519(): { seed: Buffer; pub: Buffer } {
  const jwk = generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" });
  return { seed: Buffer.from(jwk.d as string, "base64url"), pub: Buffer.from(jwk.x as string, "base64url") };
}

const short = (pub: Buffer) => createHash("sha256").update(pub).digest().subarray(0, 20).toString("hex");

/**
 * New keys for a node whose chain data comes from another node's home (a
 * follower seeded from a template): its own node key, so peers tell it apart,
 * and its own consensus key with a zeroed sign state, so it can never sign
 * as the node it was copied from. Made here, in milliseconds, instead of by
 * a `seid init` run.
 */
export function newNodeIdentity(): NodeIdentity {
  const node = ed25519();
  const val = ed25519();
  const privValue = (k: { seed: Buffer; pub: Buffer }) => Buffer.concat([k.seed, k.pub]).toString("base64");
  const nodeId = short(node.pub);
  const nodeKey = {
    id: nodeId,
    priv_key: { type: "tendermint/PrivKeyEd25519", value: privValue(node) },
  };
  const validatorKey = {
    address: short(val.pub).toUpperCase(),
    pub_key: { type: "tendermint/PubKeyEd25519", value: val.pub.toString("base64") },
    priv_key: { type: "tendermint/PrivKeyEd25519", value: privValue(val) },
  };
  return {
    nodeId,
    files: [
      { path: "config/node_key.json", data: JSON.stringify(nodeKey), mode: 0o600 },
      {
        path: "config/priv_validator_key.json",
        data: `${JSON.stringify(validatorKey, null, 2)}\n`,
        mode: 0o600,
      },
      {
        path: "config/node_pubkey.txt",
        data: `node:ed25519:public:${node.pub.toString("hex")}`,
        mode: 0o644,
      },
      {
        path: "config/validator_pubkey.txt",
        data: `validator:ed25519:public:${val.pub.toString("hex")}`,
        mode: 0o644,
      },
      {
        path: "data/priv_validator_state.json",
        data: `${JSON.stringify({ height: "0", round: 0, step: 0 }, null, 2)}\n`,
        mode: 0o600,
      },
    ],
  };
}
