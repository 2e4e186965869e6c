/** One node's serving URLs, as a test reaches them; `null` where the node does not serve it. */
export interface SeinetNode {
  name: string;
  role: string;
  evmRpc: string | null;
  evmWs: string | null;
  tendermintRpc: string | null;
  rest: string | null;
}

/**
 * What a runner helper hands every test: plain data (it crosses vitest's
 * `provide`/`inject` and jest's environment), no handles, no keys. The
 * accounts are derived on demand from the public `TEST_MNEMONIC`.
 */
export interface SeinetNetwork {
  mode: "local" | "docker";
  name: string;
  namespace: string;
  /** Cosmos chain id (`seid --chain-id`). */
  chainId: string;
  /** EVM chain id (`eth_chainId`), for viem's `defineChain`. */
  evmChainId: number;
  /** The first follower's endpoints, else the first validator's: where tests point. */
  evmRpc: string;
  evmWs: string | null;
  tendermintRpc: string;
  rest: string | null;
  /** Validators, sentry and followers. */
  nodes: SeinetNode[];
  /** How many `TEST_MNEMONIC` accounts genesis funds: one per worker. */
  testAccounts: number;
}
