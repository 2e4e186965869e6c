import type { Endpoints } from "../../client/handles.js";
import type { NodeRecord } from "./records.js";

/**
 * A node's serving URLs from its record: the ports seid was configured with,
 * on loopback (EVM also listens on every interface; evmrpc allows no other).
 */
export function endpointsOf(record: NodeRecord): Required<Endpoints> {
  const { ports, host } = record;
  return {
    evmRpc: `http://${host}:${ports.evmHttp}`,
    evmWs: `ws://${host}:${ports.evmWs}`,
    tendermintRpc: `http://${host}:${ports.rpc}`,
    rest: `http://${host}:${ports.rest}`,
  };
}
