import { stringify } from "smol-toml";

/** Keyring backend of every key seinet makes: files under the home, no passphrase. */
export const KEYRING_BACKEND = "test";

/**
 * A node's client.toml: `seid tx …` and `seid q …` run with this home talk to
 * this node (not to seid's default port 26657, which another node may hold),
 * on its chain, with the test keyring its keys live in. The RPC is dialled on
 * loopback: the host's in the local mode, the container's own in docker.
 */
export function clientToml(chainId: string, rpcPort: number): string {
  return `${stringify({
    "chain-id": chainId,
    "keyring-backend": KEYRING_BACKEND,
    output: "text",
    node: `tcp://127.0.0.1:${rpcPort}`,
    "broadcast-mode": "sync",
  })}\n`;
}
