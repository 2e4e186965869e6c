import type { SeinetNetwork } from "./seinetNetwork.js";

/** A viem `Chain` for a runner's network, written out so seinet needs no viem. */
export interface EvmChain {
  id: number;
  name: string;
  nativeCurrency: { name: string; symbol: string; decimals: number };
  rpcUrls: { default: { http: readonly string[]; webSocket?: readonly string[] } };
  testnet: true;
}

/**
 * The network as a viem chain (Sei's EVM counts 18 decimals of SEI), so a
 * test writes `createPublicClient({ chain: evmChain(net), transport: http() })`.
 *
 * @example
 * ```ts
 * import { createPublicClient, http } from "viem";
 * import { evmChain, useSeinet } from "seinet/vitest";
 * const client = createPublicClient({ chain: evmChain(useSeinet()), transport: http() });
 * ```
 */
export function evmChain(network: Pick<SeinetNetwork, "name" | "evmChainId" | "evmRpc" | "evmWs">): EvmChain {
  return {
    id: network.evmChainId,
    name: `seinet ${network.name}`,
    nativeCurrency: { name: "SEI", symbol: "SEI", decimals: 18 },
    rpcUrls: {
      default: { http: [network.evmRpc], ...(network.evmWs ? { webSocket: [network.evmWs] } : {}) },
    },
    testnet: true,
  };
}
