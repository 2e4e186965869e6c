import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Network, Node } from "../client/handles.js";
import { networkInfo } from "./networkInfo.js";

const net = {
  name: "devnet",
  namespace: "default",
  chainId: "devnet",
  phase: "Ready",
  object: () => ({ validators: ["devnet-0"], seid: { version: "v6.5.2" } }),
} as unknown as Network;

function node(name: string, role: string, version: string | undefined, network = "devnet"): Node {
  return {
    name,
    namespace: "default",
    network,
    role,
    object: () => ({ role, networkNamespace: "default", seid: { version } }),
  } as unknown as Node;
}

describe("networkInfo", () => {
  test("default: the seid version its nodes run, not the genesis one", () => {
    const nodes = [node("devnet-0", "validator", "v6.6.2"), node("devnet-rpc-0", "follower", "v6.6.2")];
    const info = networkInfo(net, nodes);
    assert.equal(info.seidVersion, "v6.6.2");
    assert.equal(info.followers, 1);
  });

  test("behavior: mid-upgrade lists each version; other networks' nodes do not count", () => {
    const nodes = [
      node("devnet-0", "validator", "v6.6.2"),
      node("devnet-rpc-0", "follower", "v6.5.2"),
      node("other-0", "validator", "v9.0.0", "other"),
    ];
    assert.equal(networkInfo(net, nodes).seidVersion, "v6.5.2,v6.6.2");
  });

  test("default: no node says, so the network's own seid", () => {
    assert.equal(networkInfo(net, []).seidVersion, "v6.5.2");
    assert.equal(networkInfo(net, [node("devnet-0", "validator", undefined)]).seidVersion, "v6.5.2");
  });
});
