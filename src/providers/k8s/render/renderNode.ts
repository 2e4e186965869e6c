import { LABEL_NETWORK, LABEL_ROLE, ROLE_NODE } from "../../../labels.js";
import type { NodeSpec } from "../../../specs/types.js";
import { API_VERSION, type CustomResource } from "../resources.js";
import { mergeLabels } from "./labels.js";

/**
 * A follower SeiNode: full mode (state sync when asked), peered to its
 * network's validators by label selector in the network's namespace.
 * `chainId` is the network's (its name when the network is not known yet).
 */
export function renderNode(
  spec: NodeSpec,
  namespace: string,
  image: string,
  chainId: string = spec.network,
): CustomResource {
  const networkNamespace = spec.networkNamespace ?? namespace;
  const fullNode = spec.stateSync
    ? { snapshot: { stateSync: {}, rpcServers: [...spec.stateSync.rpcServers] } }
    : {};
  const body: Record<string, unknown> = {
    chainId,
    image,
    fullNode,
    peers: [{ label: { selector: { [LABEL_NETWORK]: spec.network }, namespace: networkNamespace } }],
  };
  if (spec.config && Object.keys(spec.config).length > 0) body.overrides = { ...spec.config };
  return {
    apiVersion: API_VERSION,
    kind: "SeiNode",
    metadata: {
      name: spec.name,
      namespace,
      labels: mergeLabels(spec.labels, { [LABEL_ROLE]: ROLE_NODE, [LABEL_NETWORK]: spec.network }),
    },
    spec: body,
  };
}
