import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  assignRelayPorts,
  memberProxies,
  proxiesOf,
  proxyEnds,
  publicName,
  relayPortCount,
  restoredOnReconnect,
  routeName,
} from "./relayRoutes.js";

describe("relayRoutes", () => {
  test("default: each node gets a public port and one route per peer", () => {
    const nodes = ["n-0", "n-1", "n-2"];
    const ports = Array.from({ length: relayPortCount(3, 2) }, (_, i) => 100 + i);
    const got = assignRelayPorts(nodes, ports);
    assert.deepEqual(got.get("n-0"), { public: 102, routes: { "n-1": 100, "n-2": 101 } });
    assert.deepEqual(got.get("n-2"), { public: 108, routes: { "n-0": 106, "n-1": 107 } });
    assert.equal(new Set([...got.values()].flatMap((r) => [r.public, ...Object.values(r.routes)])).size, 9);
  });

  test("error: too few ports", () => {
    assert.throws(() => assignRelayPorts(["a", "b"], [1, 2, 3]), /relay needs 4 ports, got 3/);
  });

  test("behavior: a member's proxies lead to its own and its peers' P2P ports", () => {
    const proxies = memberProxies(
      "127.0.0.1",
      { name: "a", p2p: 10, relay: { public: 1, routes: { b: 2, gone: 3 } } },
      (peer) => (peer === "b" ? 20 : undefined),
    );
    assert.deepEqual(proxies, [
      { name: "a~in", listen: "127.0.0.1:1", upstream: "127.0.0.1:10", enabled: true },
      { name: "a~b", listen: "127.0.0.1:2", upstream: "127.0.0.1:20", enabled: true },
    ]);
  });

  test("behavior: a node's proxies are every one into or out of it", () => {
    const names = [
      publicName("a"),
      publicName("b"),
      routeName("a", "b"),
      routeName("b", "a"),
      routeName("b", "c"),
    ];
    assert.deepEqual(proxiesOf(names, "a"), ["a~in", "a~b", "b~a"]);
    assert.deepEqual(proxyEnds("a~in"), { from: "a", to: undefined });
    assert.deepEqual(proxyEnds("a~b"), { from: "a", to: "b" });
  });

  test("behavior: reconnect leaves links to a peer that is itself cut", () => {
    const enabled = (p: string) => p !== publicName("b");
    assert.equal(restoredOnReconnect(routeName("a", "b"), "a", enabled), false);
    assert.equal(restoredOnReconnect(routeName("c", "a"), "a", enabled), true);
    assert.equal(restoredOnReconnect(publicName("a"), "a", enabled), true);
  });
});
