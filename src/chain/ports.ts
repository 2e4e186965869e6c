/** The listeners one seid node needs on a shared host, each on its own port. */
export interface NodePorts {
  /** Tendermint P2P. */
  p2p: number;
  /** Tendermint RPC. */
  rpc: number;
  /** Cosmos REST (LCD). */
  rest: number;
  /** EVM JSON-RPC over HTTP. */
  evmHttp: number;
  /** EVM JSON-RPC over WebSocket. */
  evmWs: number;
  grpc: number;
  grpcWeb: number;
}

/** The port names, in the order they are allocated. */
export const PORT_NAMES = [
  "p2p",
  "rpc",
  "rest",
  "evmHttp",
  "evmWs",
  "grpc",
  "grpcWeb",
] as const satisfies readonly (keyof NodePorts)[];

/** The ports seid uses when nothing is configured; a container can keep them. */
export const DEFAULT_PORTS: NodePorts = {
  p2p: 26656,
  rpc: 26657,
  rest: 1317,
  evmHttp: 8545,
  evmWs: 8546,
  grpc: 9090,
  grpcWeb: 9091,
};

/** Every port of a node, for reservation bookkeeping. */
export function portList(ports: NodePorts): number[] {
  return PORT_NAMES.map((name) => ports[name]);
}
