import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { NetworkRecord, NodeRecord } from "../records.js";
import { relayPorts, relayRoute } from "./localRelay.js";

const node = (name: string, relay?: NodeRecord["relay"]) =>
  ({ name, host: "127.0.0.1", ...(relay ? { relay } : {}) }) as NodeRecord;

describe("local relay records", () => {
  test("default: a node dials a peer through its own route to it", () => {
    const route = relayRoute([node("a", { public: 1, routes: { b: 2 } }), node("b")]);
    assert.deepEqual(route("a", "b"), { host: "127.0.0.1", port: 2 });
    assert.equal(route("b", "a"), undefined, "a node without relay ports dials directly");
    assert.equal(route("a", "c"), undefined);
  });

  test("default: every relay port is reserved, the API's included", () => {
    const networks = [{ relay: { apiPort: 9 } } as NetworkRecord, {} as NetworkRecord];
    const nodes = [node("a", { public: 1, routes: { b: 2, c: 3 } }), node("b")];
    assert.deepEqual(relayPorts(networks, nodes).sort(), [1, 2, 3, 9]);
  });
});
