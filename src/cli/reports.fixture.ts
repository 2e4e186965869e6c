// Test fixture, not tests: the report shapes the CLI's render tests print.
import type { NetworkInfo } from "./networkInfo.js";
import type { NodeInfo } from "./nodeInfo.js";

/** A running follower with every endpoint. */
export const NODE: NodeInfo = {
  name: "devnet-rpc-0",
  namespace: "default",
  role: "follower",
  phase: "Running",
  pid: 4242,
  seidVersion: "v6.6.2",
  image: null,
  reason: null,
  home: "/state/default/nodes/devnet-rpc-0/home",
  validator: null,
  endpoints: {
    tendermintRpc: "http://127.0.0.1:1001",
    evmRpc: "http://127.0.0.1:1002",
    evmWs: "ws://127.0.0.1:1003",
    rest: "http://127.0.0.1:1004",
  },
};

/** A Ready one-validator network with one follower, created at 2026-01-01T00:00:00Z. */
export const NETWORK: NetworkInfo = {
  name: "devnet",
  namespace: "default",
  chainId: "devnet",
  phase: "Ready",
  reason: null,
  validators: 1,
  followers: 1,
  seidVersion: "v6.6.2",
  createdAt: "2026-01-01T00:00:00.000Z",
  tendermintRpc: "http://127.0.0.1:1",
  rest: "http://127.0.0.1:2",
};
