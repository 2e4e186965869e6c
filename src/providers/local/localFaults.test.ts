import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, test } from "node:test";
import { ConflictError } from "../../errors/conflict.js";
import { InfraError } from "../../errors/infra.js";
import { UsageError } from "../../errors/usage.js";
import { localFaults } from "./localFaults.js";
import type { NetworkRecord, NodeRecord } from "./records.js";
import type { StateStore } from "./store.js";
import type { NodeView } from "./views.js";

const record = { name: "n-1", network: "n", networkNamespace: "default" } as NodeRecord;
const dead: NodeView = {
  record,
  proc: { pgid: 1, pid: 2, startedAt: "" },
  alive: false,
  exitCode: 137,
  phase: "Failed",
  reason: "killed",
  halt: undefined,
};

function faults(network: Partial<NetworkRecord> | undefined) {
  const store = { readNetwork: async () => network } as unknown as StateStore;
  return localFaults({ store, restartNode: async () => assert.fail("no restart") });
}

describe("localFaults", () => {
  test("error: pause, unpause and kill of a seid that is not running are ConflictErrors", async () => {
    const f = faults({});
    for (const verb of ["pause", "unpause", "kill"] as const) {
      await assert.rejects(f[verb]!(dead, undefined), (err: unknown) => {
        assert.ok(err instanceof ConflictError);
        assert.match(
          err.shortMessage,
          new RegExp(`^Cannot ${verb} node "n-1": seid is not running \\(Failed\\)\\.`),
        );
        return true;
      });
    }
  });

  test("error: disconnect on a network made without the relay is a UsageError saying how to get it", async () => {
    const f = faults({ name: "n" });
    for (const verb of ["disconnect", "reconnect"] as const) {
      await assert.rejects(f[verb](dead, undefined), (err: unknown) => {
        assert.ok(err instanceof UsageError);
        assert.match(err.shortMessage, /made without the P2P relay .*scripts\/install-toxiproxy\.sh/);
        return true;
      });
    }
  });

  test("error: disconnect when the relay process is gone is an InfraError, at once", async () => {
    const gone = spawnSync("true").pid as number;
    const f = faults({ name: "n", relay: { binary: "tp", apiPort: 1, pid: gone, logFile: "" } });
    const withRelay = { ...dead, record: { ...record, relay: { public: 1, routes: {} } } };
    await assert.rejects(f.disconnect(withRelay, undefined), (err: unknown) => {
      assert.ok(err instanceof InfraError);
      assert.match(err.shortMessage, /The P2P relay of network "n" \(pid \d+\) is gone/);
      return true;
    });
  });
});
