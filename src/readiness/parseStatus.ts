import { jsonRpcError } from "./jsonRpcError.js";
import type { NodeStatus } from "./nodeStatus.js";
import { ProbeError } from "./probeError.js";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function height(syncInfo: Json, field: string, url: string): number {
  const raw = syncInfo[field];
  const value = typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  throw new ProbeError(`bad sync_info.${field} ${JSON.stringify(raw) ?? "(missing)"} from ${url}`, url);
}

/**
 * Reads a `/status` body, bare (`{node_info, sync_info}`, as Sei answers a
 * GET) or in a JSON-RPC envelope (`{jsonrpc, id, result: {…}}`). Heights may
 * be strings (Tendermint's encoding) or numbers. Throws ProbeError naming
 * `url` when the body is not a status.
 */
export function parseStatus(body: unknown, url: string): NodeStatus {
  let status = body;
  if (isObject(body) && !("sync_info" in body)) {
    if (body.error !== undefined && body.error !== null) throw jsonRpcError(body.error, url);
    status = body.result;
  }
  if (!isObject(status) || !isObject(status.sync_info)) {
    throw new ProbeError(`no sync_info in the status from ${url}`, url);
  }
  const syncInfo = status.sync_info;
  const catchingUp = syncInfo.catching_up;
  if (typeof catchingUp !== "boolean") {
    throw new ProbeError(
      `bad sync_info.catching_up ${JSON.stringify(catchingUp) ?? "(missing)"} from ${url}`,
      url,
    );
  }
  const result: NodeStatus = {
    latestHeight: height(syncInfo, "latest_block_height", url),
    earliestHeight: height(syncInfo, "earliest_block_height", url),
    catchingUp,
  };
  if (typeof syncInfo.latest_block_time === "string") result.latestBlockTime = syncInfo.latest_block_time;
  const nodeInfo = isObject(status.node_info) ? status.node_info : {};
  if (typeof nodeInfo.network === "string") result.network = nodeInfo.network;
  if (typeof nodeInfo.id === "string") result.nodeId = nodeInfo.id;
  const validatorInfo = isObject(status.validator_info) ? status.validator_info : {};
  if (typeof validatorInfo.address === "string" && validatorInfo.address !== "")
    result.validatorAddress = validatorInfo.address.toUpperCase();
  return result;
}
